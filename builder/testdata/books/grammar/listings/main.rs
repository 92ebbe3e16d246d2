fn main() {
    // ANCHOR: body
    let x = add_one(2);
    // ANCHOR_END: body
    assert_eq!(x, 3);
    // ANCHOR: body
    println!("{x}");
    // ANCHOR_END: body
}
