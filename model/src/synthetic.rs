//! Synthetic datasets for benchmarks (being written).

use crate::Dataset;

/// A dataset of `n` items made from the real ones (placeholder: repeats them).
pub fn generate(base: &Dataset, n: usize) -> Dataset {
    let mut out = base.clone();
    out.items = (0..n)
        .map(|i| {
            let mut item = base.items[i % base.items.len()].clone();
            item.no = i as u32 + 1;
            item
        })
        .collect();
    out
}
