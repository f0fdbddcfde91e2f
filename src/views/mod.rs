//! One module per screen or page region.

pub mod about;
pub mod accessibility;
pub mod changes;
pub mod device_data;
pub mod filters;
pub mod item;
pub mod layout;
pub mod list;
pub mod not_found;
pub mod overview;
