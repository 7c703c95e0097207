//! Tests of the chart drawing: scales, ticks and label placement.

use super::*;

/// The formatting [`push_n`] replaced: two allocations per number.
fn old_n(x: f64) -> String {
    let r = if x.is_finite() {
        (x * 10.0).round() / 10.0 + 0.0
    } else {
        0.0
    };
    format!("{r:.1}").trim_end_matches(".0").to_string()
}

fn assert_same(x: f64) {
    let mut out = String::from("prefix");
    push_n(&mut out, x);
    assert_eq!(
        &out["prefix".len()..],
        old_n(x),
        "{x:?} ({:#x})",
        x.to_bits()
    );
}

#[test]
fn push_n_writes_what_the_old_formula_did() {
    let special = [
        0.0,
        -0.0,
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        f64::EPSILON,
        f64::MAX,
        f64::MIN,
        0.04,
        0.05,
        0.06,
        -0.04,
        -0.05,
        -0.06,
        0.15,
        0.25,
        0.35,
        1.05,
        2.675,
        -2.675,
        1.45,
        -1.45,
        9.95,
        99.95,
        -99.95,
        999.95,
        123.456,
        -123.456,
        559.99,
        320.0,
        1e13 + 0.35,
        9.99e13 + 0.05,
        1e14 - 0.05,
        1e14,
        1e14 + 0.25,
        -1e14 - 0.25,
        99_999_999_999_999.95,
        1e15,
        1e15 + 0.5,
        -1e15,
        9_007_199_254_740_992.0,
        9_007_199_254_740_993.0,
        1e16,
        1e20,
        -1e20,
        1e300,
    ];
    for x in special {
        assert_same(x);
    }
    // Every hundredth and the halfway tenths from -1000 to 1000.
    for i in -100_000..=100_000 {
        assert_same(f64::from(i) / 100.0);
        assert_same(f64::from(i) / 10.0 + 0.05);
    }
    // Scattered bit patterns: every magnitude and sign.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    for _ in 0..200_000 {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let bits = f64::from_bits(z);
        assert_same(bits);
        // And values a chart can have.
        assert_same((z >> 11) as f64 / (1u64 << 53) as f64 * 2000.0 - 1000.0);
    }
}
