//! The targets the figures are held to, and whether a run met them. Every
//! target is an upper limit, except scores, which are lower limits.

use serde_json::{json, Map, Value};

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
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// The key in `report.json`'s `targets`.
    pub key: &'static str,
    pub limit: f64,
    pub unit: Unit,
}

pub const TARGETS: [Target; 9] = [
    Target {
        key: "time_to_list_ratio",
        limit: 1.2,
        unit: Unit::Ratio,
    },
    Target {
        key: "item_page_ratio",
        limit: 1.2,
        unit: Unit::Ratio,
    },
    Target {
        key: "first_visit_page_brotli_bytes",
        limit: 200_000.0,
        unit: Unit::Bytes,
    },
    Target {
        key: "wasm_brotli_bytes",
        limit: 150_000.0,
        unit: Unit::Bytes,
    },
    Target {
        key: "search_p95_ms_61",
        limit: 25.0,
        unit: Unit::Ms,
    },
    Target {
        key: "search_p95_ratio_61",
        limit: 1.5,
        unit: Unit::Ratio,
    },
    Target {
        key: "search_p95_ms_10000",
        limit: 50.0,
        unit: Unit::Ms,
    },
    Target {
        key: "lighthouse_performance",
        limit: 0.98,
        unit: Unit::Score,
    },
    Target {
        key: "bench_wall_time_s",
        limit: 480.0,
        unit: Unit::Seconds,
    },
];

impl Target {
    pub fn by_key(key: &str) -> Option<Target> {
        TARGETS.iter().copied().find(|t| t.key == key)
    }

    /// `≤ 1.2×`, `≤ 200 kB`, `≤ 25 ms`, `≤ 8 min`.
    pub fn text(self) -> String {
        match self.unit {
            Unit::Ratio => format!("≤ {}×", self.limit),
            Unit::Bytes => format!("≤ {} kB", self.limit / 1000.0),
            Unit::Ms => format!("≤ {} ms", self.limit),
            Unit::Seconds if self.limit % 60.0 == 0.0 => format!("≤ {} min", self.limit / 60.0),
            Unit::Seconds => format!("≤ {} s", self.limit),
            Unit::Score => format!("≥ {}", self.limit),
        }
    }

    /// Whether `value` meets the target.
    pub fn met_by(self, value: f64) -> bool {
        match self.unit {
            Unit::Score => value >= self.limit,
            _ => value <= self.limit,
        }
    }
}

/// `{ key: { "value", "limit", "met" } }` for the measured `values`; `met`
/// is null when the value is missing or `unjudged` names the key.
pub fn judge(values: &[(&str, Option<f64>)], unjudged: &[&str]) -> Value {
    let mut out = Map::new();
    for target in TARGETS {
        let value = values
            .iter()
            .find(|(key, _)| *key == target.key)
            .and_then(|(_, v)| *v);
        let met = match value {
            Some(v) if !unjudged.contains(&target.key) => json!(target.met_by(v)),
            _ => Value::Null,
        };
        out.insert(
            target.key.to_string(),
            json!({ "value": value, "limit": target.limit, "met": met }),
        );
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_against_the_limits() {
        let judged = judge(
            &[
                ("time_to_list_ratio", Some(1.2)),
                ("item_page_ratio", Some(1.25)),
                ("wasm_brotli_bytes", None),
                ("bench_wall_time_s", Some(100.0)),
            ],
            &["bench_wall_time_s"],
        );
        assert_eq!(judged["time_to_list_ratio"]["met"], true);
        assert_eq!(judged["item_page_ratio"]["met"], false);
        assert_eq!(judged["wasm_brotli_bytes"]["met"], Value::Null);
        assert_eq!(judged["bench_wall_time_s"]["met"], Value::Null);
        assert_eq!(judged["search_p95_ms_61"]["limit"], 25.0);
    }

    #[test]
    fn a_score_is_a_minimum() {
        let judged = judge(&[("lighthouse_performance", Some(0.97))], &[]);
        assert_eq!(judged["lighthouse_performance"]["met"], false);
        let judged = judge(&[("lighthouse_performance", Some(0.98))], &[]);
        assert_eq!(judged["lighthouse_performance"]["met"], true);
        assert_eq!(
            Target::by_key("lighthouse_performance").unwrap().text(),
            "≥ 0.98"
        );
    }

    #[test]
    fn writes_the_limits() {
        let text = |key| Target::by_key(key).unwrap().text();
        assert_eq!(text("time_to_list_ratio"), "≤ 1.2×");
        assert_eq!(text("first_visit_page_brotli_bytes"), "≤ 200 kB");
        assert_eq!(text("search_p95_ms_10000"), "≤ 50 ms");
        assert_eq!(text("bench_wall_time_s"), "≤ 8 min");
    }
}
