//! SDG goal badges in the official colours, with estimated goals marked.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use model::{SdgBasis, Sdgs};

/// The goals of one item. Estimated goals carry a visible 「推定」 mark and say
/// so to screen readers: the source showed them only as icons, which were lost.
#[component]
pub fn SdgBadges(
    /// The item's SDG record.
    sdgs: Sdgs,
    /// Show the goal names beside the numbers (detail view).
    #[prop(optional)]
    with_names: bool,
) -> impl IntoView {
    let t = use_texts();
    let estimated = sdgs.basis == SdgBasis::Estimated;
    let goals = sdgs
        .goals
        .iter()
        .map(|&number| {
            let name = t.sdg_goal_name(number);
            let label = {
                let name = name.clone();
                move || {
                    let texts = t;
                    let basis = if estimated { texts.estimated } else { texts.documented };
                    (texts.sdg_badge)(number, &name, basis)
                }
            };
            let title = label.clone();
            view! {
                <li class=format!("sdg-badge sdg-{number}") class:estimated=estimated title=title>
                    <span class="sdg-number" aria-hidden="true">{number}</span>
                    {with_names.then(|| view! { <span class="sdg-name" aria-hidden="true">{name}</span> })}
                    <span class="visually-hidden">{label}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="sdg-badges">
            <ul class="sdg-list" aria-label=t!(t, sdg_goals)>{goals}</ul>
            {estimated.then(|| view! { <span class="sdg-estimated-note" aria-hidden="true">{t!(t, estimated)}</span> })}
        </div>
    }
}
