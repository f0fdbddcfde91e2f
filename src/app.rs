//! The top-level component: router and page layout.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::views::layout::{SiteFooter, SiteHeader, SkipLink};

/// The whole app. There are no path routes: all view state lives in the query
/// string, so the same `dist/` works at `/` and under any sub-path.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <SkipLink/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <p class="lead">
                    "第四次上田市行財政改革大綱に基づく61の取組項目について、令和3年度から令和7年度までの取組計画と、令和3・4年度の実績をまとめています。"
                </p>
            </main>
            <SiteFooter/>
        </Router>
    }
}
