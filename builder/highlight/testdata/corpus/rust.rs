#![allow(dead_code)]
//! Crate docs: the metro scheduler.
/// A doc comment on the struct.
/// With `code` and more.
#[derive(Debug, Clone, PartialEq)]
#[cfg(feature = "serde")]
pub struct Station<'a, T: Clone + 'static> {
    name: &'a str,
    id: u32,
    lines: Vec<T>,
    r#type: Option<String>,
}

/* A block comment /* nested */ still a comment */
/** Outer doc block. */
/*! Inner doc block. */

const MAX_LINES: usize = 0x1F_u32 as usize;
static GREETING: &str = "hello\tworld\n\"quoted\" \u{1F600} \x41 \\";

impl<'a, T: Clone> Station<'a, T> {
    pub fn new(name: &'a str, id: u32) -> Self {
        Station { name, id, lines: Vec::new(), r#type: None }
    }

    fn lifetimes<'b>(&'b self, c: char) -> &'b str where T: Default {
        let ch = 'x';
        let esc = '\n';
        let quote = '\'';
        let uni = '\u{e9}';
        let byte = b'a';
        let bytes = b"raw\x80bytes";
        let raw = r"C:\path";
        let raw2 = r#"she said "hi""#;
        let braw = br##"a "# b"##;
        let _ = (ch, esc, quote, uni, byte, bytes, raw, raw2, braw, c);
        self.name
    }
}

fn numbers() -> f64 {
    let a = 1_000_000u64;
    let b = 0b1010_1010;
    let c = 0o755;
    let d = 3.14e-2f64;
    let e = 1e10;
    let f = 2.;
    let g = 1..10;
    let h = 1..=10;
    let t = (1, 2).0;
    let big = 12i128 + 3u128 as i128;
    println!("{a} {b:?} {} {{literal}} {:>8.3}", c, d);
    eprintln!("error: {}", e);
    let s = format!("{}-{}", f, t);
    panic!("bad {x}", x = 1);
    assert_eq!(g.len(), 9, "lengths {}", h.end());
    big as f64
}

async fn fetch(url: &str) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    'outer: loop {
        for i in 0..10 {
            if i == 3 { continue 'outer; }
            if i == 5 { break 'outer; }
        }
    }
    let resp = reqwest::get(url).await?;
    let v: Vec<u8> = resp.bytes().await?.to_vec();
    match v.len() {
        0 => Err("empty".into()),
        n if n > MAX_LINES => Ok(v[..MAX_LINES].to_vec()),
        _ => Ok(v),
    }
}

mod tests {
    use super::*;

    #[test]
    fn it_works() {
        let mut x = Some(5);
        if let Some(ref mut y) = x { *y += 1; }
        assert!(x.is_some());
        let closure = |a: i32, b: i32| -> i32 { a * b % 7 ^ 1 | 2 & 3 };
        let v = vec![1, 2, 3];
        let _ = v.iter().map(|&n| n << 2 >> 1).collect::<Vec<_>>();
        unsafe { std::ptr::null::<u8>(); }
        let _ = closure(1, 2) != 3 && true || false;
    }
}

trait Shape { fn area(&self) -> f64; }
enum Color { Red, Green = 2, Blue }
type Alias = std::collections::HashMap<String, Vec<i32>>;
union U { a: u32, b: f32 }
impl Default for Color { default fn default() -> Self { Color::Red } }
macro_rules! square { ($x:expr) => { $x * $x }; }
extern "C" { fn abs(input: i32) -> i32; }
pub(crate) fn generic<T>(t: T) -> impl Iterator<Item = T> where T: Copy { std::iter::once(t) }
let s = "unterminated
