//! An item's numeric indicators: target against result per year, with the
//! outcome in words and the source's wording of every figure; and the
//! item's effect amounts (効果額).

use leptos::prelude::*;
use model::indicators::{
    applicable_target, status, Direction, EffectAmount, Indicator, NotComparableReason, Status,
    YearFigure,
};
use model::overview::Scale;

use crate::components::chart::percent;
use crate::data::{edition_label, indicators};
use crate::i18n::{use_page_texts, PageTexts};

/// The label of a status in the interface language.
pub fn status_label(t: &PageTexts, status: &Status) -> &'static str {
    match status {
        Status::Met => t.status_met,
        Status::NotMet => t.status_not_met,
        Status::NotComparable(_) => t.status_not_comparable,
        Status::NoTarget => t.status_no_target,
        Status::NoResult => t.status_no_result,
    }
}

/// A class per status, for the frame of its label (the label's words carry
/// the meaning; the colour only repeats it).
pub fn status_class(status: &Status) -> &'static str {
    match status {
        Status::Met => "status status-met",
        Status::NotMet => "status status-not-met",
        Status::NotComparable(_) => "status status-not-comparable",
        Status::NoTarget => "status status-no-target",
        Status::NoResult => "status status-no-result",
    }
}

/// Why a year has the status it has, when the label alone does not say it;
/// `true` with a curated reason, which is data (Japanese in every language).
pub fn status_reason(t: &PageTexts, status: &Status, year: u8) -> Option<(String, bool)> {
    match status {
        Status::NoResult if year > edition_label().last_reported_year() => Some((
            (t.reason_not_reported_yet)(edition_label().last_reported_year()),
            false,
        )),
        // Reported in this edition, but not among the figures read by hand.
        Status::NoResult if year > indicators().reported_year() => {
            Some(((t.reason_not_read_yet)(indicators().reported_year()), false))
        }
        Status::NoResult => Some((t.reason_no_figure.to_string(), false)),
        Status::NotComparable(NotComparableReason::Basis(reason)) => Some((reason.clone(), true)),
        Status::NotComparable(NotComparableReason::NoTargetForYear { target_years }) => {
            let years: Vec<String> = target_years.iter().map(|y| (t.year_label)(*y)).collect();
            Some((
                (t.reason_no_target_for_year)(&years.join(t.year_separator)),
                false,
            ))
        }
        _ => None,
    }
}

/// The label of a status with its reason, as one line of text.
#[component]
pub fn StatusLabel(status: Status, year: u8) -> impl IntoView {
    let t = use_page_texts();
    let reason = status_reason(t, &status, year);
    view! {
        <span class=status_class(&status)>{status_label(t, &status)}</span>
        {reason.map(|(r, data)| view! {
            <span class="status-reason" lang=data.then_some("ja")>{(t.in_parens)(&r)}</span>
        })}
    }
}

/// The indicators of item `no`: target against result per year; then its
/// effect amounts. Nothing at all for an item with neither.
#[component]
pub fn ItemIndicators(
    /// The item number.
    no: u32,
) -> impl IntoView {
    let t = use_page_texts();
    let data = indicators();
    let list: Vec<(usize, &'static Indicator)> = data
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| i.item == no)
        .collect();
    let effects: Vec<&'static EffectAmount> = data.effects_for_item(no).collect();
    let charts = (!list.is_empty()).then(|| {
        view! {
            <section class="field indicators" aria-labelledby="indicators-heading">
                <h3 id="indicators-heading">{t.indicators_heading}</h3>
                <p class="hint">{t.indicators_hint}</p>
                <p class="indicator-legend" aria-hidden="true">
                    <span class="legend-entry"><span class="legend-bar"></span>{t.actual}</span>
                    <span class="legend-entry"><span class="legend-target"></span>{t.target}</span>
                </p>
                {list
                    .into_iter()
                    .map(|(index, indicator)| view! { <IndicatorChart indicator index/> })
                    .collect_view()}
            </section>
        }
    });
    let effects = (!effects.is_empty()).then(|| view! { <EffectList effects/> });
    view! { {charts} {effects} }
}

/// The years an indicator's chart shows: every reported year (so a missing
/// result is visible) and every year with a target or a result.
fn chart_years(indicator: &Indicator) -> Vec<u8> {
    let mut years: Vec<u8> = (3..=edition_label().last_reported_year()).collect();
    years.extend(indicator.targets.iter().map(|t| t.year));
    years.extend(indicator.results.iter().map(|r| r.year));
    years.sort_unstable();
    years.dedup();
    years
}

/// Whether a figure is in the indicator's unit, so it can share its axis.
fn same_unit(indicator: &Indicator, figure: &YearFigure) -> bool {
    figure.unit.as_ref().is_none_or(|u| *u == indicator.unit)
}

fn direction_text(t: &PageTexts, direction: Direction) -> &'static str {
    match direction {
        Direction::HigherIsBetter => t.direction_higher,
        Direction::LowerIsBetter => t.direction_lower,
        Direction::Target => t.direction_target,
    }
}

/// One indicator: a row per year with the figures in text, the status in
/// words, and a bar (result) against a line (target) on a shared axis.
#[component]
fn IndicatorChart(indicator: &'static Indicator, index: usize) -> impl IntoView {
    let t = use_page_texts();
    let heading_id = format!("indicator-{index}");
    let labelled_by = heading_id.clone();
    let scale = Scale::including_zero(
        indicator
            .targets
            .iter()
            .chain(&indicator.results)
            .filter(|f| same_unit(indicator, f))
            .map(|f| f.value),
    );
    let zero = scale.percent(0.0);
    let baseline = indicator.baseline.as_ref().map(|b| {
        let date = b
            .as_of
            .as_ref()
            .map(|d| (t.parenthetical)(d))
            .unwrap_or_default();
        view! { {t.baseline_label}<span lang="ja">{format!("{}{date}", b.display)}</span> }
    });
    let rows = chart_years(indicator)
        .into_iter()
        .map(|year| {
            let target = applicable_target(indicator, year);
            let result = indicator.results.iter().find(|r| r.year == year);
            let year_status = status(indicator, year);
            let bar = result.filter(|r| same_unit(indicator, r)).map(|r| {
                let (x, width) = scale.bar(r.value);
                view! {
                    <rect class="result-bar" x=percent(x) y="20%" width=percent(width) height="60%"/>
                }
            });
            let marker = target.filter(|t| same_unit(indicator, t)).map(|t| {
                let x = percent(scale.percent(t.value));
                // A white halo keeps the line visible where it crosses the bar.
                view! {
                    <line class="target-halo" x1=x.clone() x2=x.clone() y1="0" y2="100%"/>
                    <line class="target-line" x1=x.clone() x2=x y1="0" y2="100%"/>
                }
            });
            let off_axis = [target, result]
                .into_iter()
                .flatten()
                .any(|f| !same_unit(indicator, f));
            view! {
                <li class="indicator-year">
                    <p class="year-text">
                        <span class="year-name">{(t.year_label)(year)}</span>
                        <span class="year-figure">
                            {t.target_label}
                            {figure_text(t, target)}
                        </span>
                        <span class="year-figure">
                            {t.actual_label}
                            {figure_text(t, result)}
                        </span>
                        <span class="year-status"><StatusLabel status=year_status year/></span>
                        {off_axis.then(|| view! {
                            <span class="status-reason">{t.off_axis_note}</span>
                        })}
                    </p>
                    <svg class="indicator-svg" aria-hidden="true" focusable="false">
                        <rect class="bar-track" x="0" y="0" width="100%" height="100%"/>
                        {(zero > 0.0).then(|| view! {
                            <line class="zero-line" x1=percent(zero) x2=percent(zero) y1="0" y2="100%"/>
                        })}
                        {bar}
                        {marker}
                    </svg>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="indicator" aria-labelledby=labelled_by>
            <h4 id=heading_id lang="ja">{indicator.name.clone()}</h4>
            <p class="indicator-meta">
                {t.unit_label}
                <span lang="ja">{indicator.unit.clone()}</span>
                {(t.in_parens)(direction_text(t, indicator.direction))}
                {baseline.map(|b| view! { <br/>{b} })}
            </p>
            <ul class="indicator-years" role="list">{rows}</ul>
            <Sources indicator/>
        </section>
    }
}

/// A figure as printed (data), or 「なし」.
fn figure_text(t: &PageTexts, figure: Option<&YearFigure>) -> AnyView {
    match figure {
        Some(f) => view! { <span lang="ja">{f.display.clone()}</span> }.into_any(),
        None => t.none.into_any(),
    }
}

/// Every figure of an indicator with the source's exact wording, and the
/// curator's notes, behind a disclosure.
#[component]
fn Sources(indicator: &'static Indicator) -> impl IntoView {
    let t = use_page_texts();
    let entry = |term: String, display: &str, quote: &str, notes: Vec<&String>| {
        view! {
            <div class="source-entry">
                <dt>{term}" "<span lang="ja">{display.to_string()}</span></dt>
                <dd lang="ja">
                    <span class="quote">{(t.quote)(quote)}</span>
                    {notes
                        .into_iter()
                        .map(|n| view! { <span class="source-note">{n.clone()}</span> })
                        .collect_view()}
                </dd>
            </div>
        }
    };
    let baseline = indicator.baseline.as_ref().map(|b| {
        entry(
            t.baseline_term.to_string(),
            &b.display,
            &b.quote,
            b.note.iter().collect(),
        )
    });
    let figures = |kind: &'static str, figures: &'static [YearFigure]| {
        figures
            .iter()
            .map(|f| {
                entry(
                    (t.source_figure)(&(t.year_label)(f.year), kind),
                    &f.display,
                    &f.quote,
                    f.derivation.iter().chain(&f.note).collect(),
                )
            })
            .collect_view()
    };
    view! {
        <details class="sources">
            <summary>{t.sources_summary}</summary>
            <dl class="source-list">
                {baseline}
                {figures(t.target, &indicator.targets)}
                {figures(t.actual, &indicator.results)}
            </dl>
            {indicator.note.clone().map(|n| view! { <p class="source-note" lang="ja">{n}</p> })}
        </details>
    }
}

/// The item's effect amounts (効果額), each with its source wording.
#[component]
fn EffectList(effects: Vec<&'static EffectAmount>) -> impl IntoView {
    let t = use_page_texts();
    view! {
        <section class="field effects" aria-labelledby="effects-heading">
            <h3 id="effects-heading">{t.effects_heading}</h3>
            <ul class="effect-list" role="list">
                {effects
                    .into_iter()
                    .map(|e| view! {
                        <li class="effect">
                            <p class="effect-line">
                                <span class="effect-year">
                                    {e.year.map_or_else(|| t.effect_year_not_stated.to_string(), t.year_label)}
                                </span>
                                <strong class="effect-amount" lang="ja">{e.display.clone()}</strong>
                                <span class="effect-description" lang="ja">{e.description.clone()}</span>
                            </p>
                            <details class="sources">
                                <summary>{t.sources_summary}</summary>
                                <p class="quote" lang="ja">{(t.quote)(&e.quote)}</p>
                                {e.note.clone().map(|n| view! { <p class="source-note" lang="ja">{n}</p> })}
                            </details>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
