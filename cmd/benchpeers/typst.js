// Compiles a Typst file to PDF with typst.ts's Node binding: node typst.js WORKSPACE MAIN OUT FONTDIR [edit].
// With "edit", it then appends a word to the first paragraph that ends in a full stop and compiles
// again with the same compiler: Typst's incremental re-export. It prints the times it measured.
const fs = require("fs");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
const [workspace, main, out, fonts, edit] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [fonts] }] });
function pdf(source) {
  const t = process.hrtime.bigint();
  const doc = compiler.compile({ mainFileContent: source });
  if (!doc.result) {
    console.error(JSON.stringify(compiler.fetchDiagnostics(doc.takeError())).slice(0, 2000));
    process.exit(1);
  }
  fs.writeFileSync(out, compiler.pdf(doc.result));
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const source = fs.readFileSync(main, "utf8");
const times = { cold: pdf(source) };
if (edit === "edit") {
  const at = source.indexOf(".\n\n", source.indexOf("#outline"));
  times.edited = pdf(source.slice(0, at) + " edited" + source.slice(at));
}
console.log(JSON.stringify(times));
