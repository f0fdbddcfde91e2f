//! The staff bundle: the app with the staff tools (`staff` feature), which
//! `boot.js` starts instead of the citizen bundle while staff mode is on.

fn main() {
    app::start();
}
