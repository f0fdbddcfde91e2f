//! Whether the page is live yet: the one piece of the page's state that
//! every island and service reads, kept apart so that none of them has to
//! import another to know it.

use leptos::prelude::*;

/// Whether the page is live: its islands hydrated, the address and the
/// stored data followed. Until then the page is what the build wrote, and
/// its controls say so (disabled: a tap would do nothing).
#[derive(Clone, Copy)]
pub struct Live(RwSignal<bool>);

impl Live {
    /// Provides the flag, not live: the page as the build wrote it.
    pub fn provide() {
        provide_context(Live(RwSignal::new(false)));
    }

    /// The page is live from now on.
    pub fn go() {
        expect_context::<Live>().0.set(true);
    }
}

/// Whether the page is live ([`Live`]).
pub fn use_live() -> Signal<bool> {
    expect_context::<Live>().0.into()
}

/// Whether a control must still be disabled: the page is not live yet (see
/// [`Live`]). A control rendered disabled until then says so, instead of
/// ignoring a tap.
pub fn use_inert() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let live = use_live();
    move || !live.get()
}
