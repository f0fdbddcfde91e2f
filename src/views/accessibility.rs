//! 「ウェブアクセシビリティ方針」: the policy (JIS X 8341-3:2016, target AA),
//! its scope and known exceptions, the results of the checks behind it, as
//! the test suite produced them, and whom to contact.

use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::data::{accessibility_results, site_config};
use crate::i18n::use_page_texts;
use crate::t;

/// The accessibility statement.
#[component]
pub fn AccessibilityScreen() -> impl IntoView {
    let t = use_page_texts();
    view! {
        <article class="accessibility" aria-labelledby="accessibility-heading">
            <h2 id="accessibility-heading" tabindex="-1">{t!(t, nav_accessibility)}</h2>
            <section aria-labelledby="a11y-policy">
                <h3 id="a11y-policy">{t!(t, a11y_policy_heading)}</h3>
                <p>{t!(t, a11y_policy)}</p>
                <dl class="a11y-facts">
                    {t.a11y_facts
                        .iter()
                        .map(|(label, value)| view! {
                            <div>
                                <dt>{*label}</dt>
                                <dd>{*value}</dd>
                            </div>
                        })
                        .collect_view()}
                </dl>
            </section>
            <section aria-labelledby="a11y-exceptions">
                <h3 id="a11y-exceptions">{t!(t, a11y_exceptions_heading)}</h3>
                <ul>
                    {t.a11y_exceptions.iter().map(|text| view! { <li>{*text}</li> }).collect_view()}
                </ul>
            </section>
            <TestResults/>
            <section aria-labelledby="a11y-contact">
                <h3 id="a11y-contact">{t!(t, a11y_contact_heading)}</h3>
                <p class="a11y-contact">{site_config()
                    .accessibility_contact
                    .get(t.lang)
                    .unwrap_or(t.a11y_contact_placeholder)
                    .to_owned()}</p>
            </section>
        </article>
    }
}

/// The checks the test suite ran, by kind, with every test's own title.
#[component]
fn TestResults() -> impl IntoView {
    let t = use_page_texts();
    let results = accessibility_results();
    let (total, passed) = results.totals();
    let rows = results
        .checks
        .iter()
        .map(|check| {
            let (name, what) = (t.a11y_check)(check.kind);
            let titles = check
                .cases
                .iter()
                .map(|case| view! { <li>{case.title.clone()}</li> })
                .collect_view();
            view! {
                <tr data-check=format!("{:?}", check.kind)>
                    <th scope="row">{name}</th>
                    <td>
                        {what}
                        <details>
                            <summary>{t!(t, a11y_cases)}</summary>
                            <ul lang="en">{titles}</ul>
                        </details>
                    </td>
                    <td class="a11y-result">{(t.a11y_check_result)(check.passed(), check.cases.len())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="a11y-results">
            <h3 id="a11y-results">{t!(t, a11y_results_heading)}</h3>
            <p class="a11y-summary">
                {(t.a11y_results_summary)(&results.tested_on, total, passed, &results.axe_core)}
            </p>
            <DataTable caption_id="a11y-caption" caption=t.a11y_results_caption class="a11y-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(t, a11y_col_check)}</th>
                        <th scope="col">{t!(t, a11y_col_what)}</th>
                        <th scope="col">{t!(t, a11y_col_result)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </DataTable>
        </section>
    }
}
