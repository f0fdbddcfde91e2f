//! The targets the figures are held to (issue 28's table), and whether a run
//! met them. Most targets are upper limits; scores and counts are lower
//! limits.

use std::collections::BTreeMap;

use serde::Serialize;

/// How a figure and its limit read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A ratio of two medians.
    Ratio,
    /// Bytes, written in kB (1,000 bytes).
    Bytes,
    Ms,
    Seconds,
    /// A score from 0 to 1 where higher is better (Lighthouse's): the limit
    /// is a minimum.
    Score,
    /// A count where more is better: the limit is a minimum.
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// The key in `report.json`'s `targets`.
    pub key: &'static str,
    pub limit: f64,
    pub unit: Unit,
    /// A further goal beyond the limit, reported beside it.
    pub stretch: Option<f64>,
}

const fn target(key: &'static str, limit: f64, unit: Unit) -> Target {
    Target {
        key,
        limit,
        unit,
        stretch: None,
    }
}

pub const TARGETS: [Target; 13] = [
    // The citizen wasm, its JS glue and boot.js (brotli): what the list
    // needs to become interactive.
    Target {
        stretch: Some(60_000.0),
        ..target("citizen_interactive_brotli_bytes", 150_000.0, Unit::Bytes)
    },
    target("first_visit_page_brotli_bytes", 200_000.0, Unit::Bytes),
    target("time_to_list_ratio", 1.2, Unit::Ratio),
    // Navigation → the frame answering the first facet tap, ÷ time to list.
    target("first_tap_ratio", 1.3, Unit::Ratio),
    target("search_p95_ms_61", 25.0, Unit::Ms),
    // The app's p95 ÷ the least-work limit's p95, 61 items.
    target("search_p95_ratio_61", 1.5, Unit::Ratio),
    target("search_p95_ms_1000", 50.0, Unit::Ms),
    target("lighthouse_performance", 1.0, Unit::Score),
    target("lighthouse_tbt_ms", 50.0, Unit::Ms),
    target("lighthouse_accessibility", 1.0, Unit::Score),
    target("item_page_ratio", 1.1, Unit::Ratio),
    // Item rows entirely within a 390×844 phone's first screen.
    target("phone_first_screen_items", 2.0, Unit::Count),
    target("bench_wall_time_s", 480.0, Unit::Seconds),
];

impl Target {
    pub fn by_key(key: &str) -> Option<Target> {
        TARGETS.iter().copied().find(|t| t.key == key)
    }

    /// `≤ 1.2×`, `≤ 200 kB`, `≤ 25 ms`, `≤ 8 min`, `= 1.0`, `≥ 2`; with the
    /// stretch goal after it.
    pub fn text(self) -> String {
        let limit = |value: f64| match self.unit {
            Unit::Ratio => format!("≤ {value}×"),
            Unit::Bytes => format!("≤ {} kB", value / 1000.0),
            Unit::Ms => format!("≤ {value} ms"),
            Unit::Seconds if value % 60.0 == 0.0 => format!("≤ {} min", value / 60.0),
            Unit::Seconds => format!("≤ {value} s"),
            // Nothing scores above 1.
            Unit::Score if value >= 1.0 => "= 1.0".to_string(),
            Unit::Score | Unit::Count => format!("≥ {value}"),
        };
        match self.stretch {
            Some(stretch) => format!("{} (stretch {})", limit(self.limit), limit(stretch)),
            None => limit(self.limit),
        }
    }

    fn minimum(self) -> bool {
        matches!(self.unit, Unit::Score | Unit::Count)
    }

    /// Whether `value` meets the target.
    pub fn met_by(self, value: f64) -> bool {
        meets(self.minimum(), value, self.limit)
    }

    /// Whether `value` meets the stretch goal too (`None` without one).
    pub fn stretch_met_by(self, value: f64) -> Option<bool> {
        self.stretch
            .map(|stretch| meets(self.minimum(), value, stretch))
    }
}

fn meets(minimum: bool, value: f64, limit: f64) -> bool {
    if minimum {
        value >= limit
    } else {
        value <= limit
    }
}

/// How a run fared against one target, as `report.json`'s `targets` holds it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Judgement {
    /// The measured figure, if there was one.
    pub value: Option<f64>,
    pub limit: f64,
    /// `None` when the value is missing or the target is not judged this run.
    pub met: Option<bool>,
    /// Only for a target with a stretch goal.
    #[serde(flatten)]
    pub stretch: Option<StretchJudgement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StretchJudgement {
    pub stretch: f64,
    pub stretch_met: Option<bool>,
}

/// Every target's judgement, by key.
pub type Judgements = BTreeMap<&'static str, Judgement>;

/// The judgement of every target on the measured `values`; a target whose
/// key `unjudged` names keeps its value but is not judged.
pub fn judge(values: &[(&str, Option<f64>)], unjudged: &[&str]) -> Judgements {
    TARGETS
        .into_iter()
        .map(|target| {
            let value = values
                .iter()
                .find(|(key, _)| *key == target.key)
                .and_then(|(_, v)| *v);
            let judged = value.filter(|_| !unjudged.contains(&target.key));
            let judgement = Judgement {
                value,
                limit: target.limit,
                met: judged.map(|v| target.met_by(v)),
                stretch: target.stretch.map(|stretch| StretchJudgement {
                    stretch,
                    stretch_met: judged.and_then(|v| target.stretch_met_by(v)),
                }),
            };
            (target.key, judgement)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_against_the_limits() {
        let judged = judge(
            &[
                ("time_to_list_ratio", Some(1.2)),
                ("item_page_ratio", Some(1.15)),
                ("first_visit_page_brotli_bytes", None),
                ("bench_wall_time_s", Some(100.0)),
            ],
            &["bench_wall_time_s"],
        );
        assert_eq!(judged["time_to_list_ratio"].met, Some(true));
        assert_eq!(judged["item_page_ratio"].met, Some(false));
        assert_eq!(judged["first_visit_page_brotli_bytes"].met, None);
        assert_eq!(judged["bench_wall_time_s"].met, None);
        assert_eq!(judged["search_p95_ms_61"].limit, 25.0);
        assert_eq!(judged.len(), TARGETS.len());
    }

    #[test]
    fn scores_and_counts_are_minimums() {
        let judged = judge(
            &[
                ("lighthouse_performance", Some(0.99)),
                ("lighthouse_accessibility", Some(1.0)),
                ("phone_first_screen_items", Some(2.0)),
                ("lighthouse_tbt_ms", Some(51.0)),
            ],
            &[],
        );
        assert_eq!(judged["lighthouse_performance"].met, Some(false));
        assert_eq!(judged["lighthouse_accessibility"].met, Some(true));
        assert_eq!(judged["phone_first_screen_items"].met, Some(true));
        assert_eq!(judged["lighthouse_tbt_ms"].met, Some(false));
        let judged = judge(&[("phone_first_screen_items", Some(1.0))], &[]);
        assert_eq!(judged["phone_first_screen_items"].met, Some(false));
    }

    #[test]
    fn a_stretch_goal_is_judged_beside_the_limit() {
        let judged = judge(&[("citizen_interactive_brotli_bytes", Some(90_000.0))], &[]);
        let entry = &judged["citizen_interactive_brotli_bytes"];
        assert_eq!(entry.met, Some(true));
        assert_eq!(
            entry.stretch,
            Some(StretchJudgement {
                stretch: 60_000.0,
                stretch_met: Some(false)
            })
        );
        let judged = judge(&[("citizen_interactive_brotli_bytes", Some(55_000.0))], &[]);
        let stretch = judged["citizen_interactive_brotli_bytes"].stretch.unwrap();
        assert_eq!(stretch.stretch_met, Some(true));
        assert_eq!(judge(&[], &[])["search_p95_ms_61"].stretch, None);
    }

    #[test]
    fn writes_the_limits() {
        let text = |key| Target::by_key(key).unwrap().text();
        assert_eq!(
            text("citizen_interactive_brotli_bytes"),
            "≤ 150 kB (stretch ≤ 60 kB)"
        );
        assert_eq!(text("first_visit_page_brotli_bytes"), "≤ 200 kB");
        assert_eq!(text("time_to_list_ratio"), "≤ 1.2×");
        assert_eq!(text("first_tap_ratio"), "≤ 1.3×");
        assert_eq!(text("search_p95_ms_1000"), "≤ 50 ms");
        assert_eq!(text("lighthouse_performance"), "= 1.0");
        assert_eq!(text("lighthouse_tbt_ms"), "≤ 50 ms");
        assert_eq!(text("item_page_ratio"), "≤ 1.1×");
        assert_eq!(text("phone_first_screen_items"), "≥ 2");
        assert_eq!(text("bench_wall_time_s"), "≤ 8 min");
    }
}
