//! Small pieces shared by several views.

pub mod bookmark;
pub mod chart;
pub mod confirm;
pub mod data_table;
pub mod highlight;
pub mod indicators;
pub mod item_table;
pub mod kiosk;
pub mod mixed_language;
pub mod offline;
pub mod page_tools;
pub mod print_note;
pub mod qr;
pub mod sdg;
pub mod status_area;
pub mod text_list;
pub mod text_size;
