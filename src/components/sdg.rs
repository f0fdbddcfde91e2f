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

/// An item's goals in a list row: one coloured number per goal and one
/// hidden sentence naming them all, rather than a list of badges each with
/// its own hidden name (the list has 61 rows, and each node costs at every
/// filter change).
#[component]
pub fn SdgMarks(
    /// The item's SDG record.
    sdgs: Sdgs,
) -> impl IntoView {
    let t = use_texts();
    let estimated = sdgs.basis == SdgBasis::Estimated;
    let basis = if estimated { t.estimated } else { t.documented };
    let names = sdgs
        .goals
        .iter()
        .map(|&number| (t.sdg_badge)(number, &t.sdg_goal_name(number), basis))
        .collect::<Vec<_>>()
        .join(t.list_separator);
    let marks = sdgs
        .goals
        .iter()
        .map(|&number| {
            view! { <span class=format!("sdg-badge sdg-{number}") aria-hidden="true">{number}</span> }
        })
        .collect_view();
    (!sdgs.goals.is_empty()).then(|| {
        view! {
            <p class="sdg-marks" class:estimated=estimated>
                <span class="visually-hidden">{names}</span>
                {marks}
                {estimated.then(|| view! { <span class="sdg-estimated-note" aria-hidden="true">{t!(t, estimated)}</span> })}
            </p>
        }
    })
}
