//! One module per screen or page region.

pub mod layout;
