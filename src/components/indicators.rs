//! An item's numeric indicators (being written).

use leptos::prelude::*;

/// The indicators of item `no`: target against result per year.
#[component]
pub fn ItemIndicators(
    /// The item number.
    no: u32,
) -> impl IntoView {
    let _ = no;
}
