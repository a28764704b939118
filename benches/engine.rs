//! Engine benchmark (prints figures; never asserts on time). Filled in with issue 3.

fn main() {
    println!("engine bench: nothing to measure yet");
}
