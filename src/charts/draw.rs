//! Drawing for the charts module: a tiny SVG writer, the scales, and the
//! placement of direct labels so they avoid markers, lines and each other.

use std::fmt::Write as _;

use super::{ChartInput, Data, Direction, format_value, y_ticks};

/// Colour of the actual series: 8.6:1 against white.
pub(super) const ACTUAL: &str = "#0031d8";
/// Colour of the target series: 6.6:1 against white.
pub(super) const TARGET: &str = "#b02a00";
/// Colour of the baseline marker: 12.6:1 against white.
pub(super) const BASELINE: &str = "#333333";
/// Colour of revision lines and their labels, and of the axes: 7.0:1.
pub(super) const MUTED: &str = "#595959";
/// Colour of ordinary text: 17.4:1.
pub(super) const TEXT: &str = "#1a1a1a";
/// Colour of gridlines, decorative only.
const GRID: &str = "#d9d9d9";
const WHITE: &str = "#ffffff";

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 320.0;
/// Font size of tick labels and titles, in viewBox units.
const FONT: f64 = 14.0;
/// Font size of direct labels.
const LABEL_FONT: f64 = 15.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = HEIGHT - 58.0;
const RIGHT: f64 = WIDTH - 16.0;
/// Halo that keeps direct labels readable where they cross a line.
const HALO: &str =
    r##"stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##;

use crate::html::escape::push_xml as push_escaped;
/// Text escaped for XML; characters XML forbids are dropped.
pub(super) use crate::html::escape::xml as escape;

/// A coordinate with at most one decimal place, never `-0`; see [`push_n`].
fn n(x: f64) -> String {
    let mut out = String::new();
    push_n(&mut out, x);
    out
}

/// Appends `x` rounded to tenths, without a trailing `.0` and never `-0`;
/// NaN and infinities are written as `0`.
///
/// The text is that of `format!("{r:.1}")` with `.0` trimmed, where
/// `r = (x * 10).round() / 10`: below 10^14 the tenths are written from the
/// integer, above it (never a coordinate) through that formula.
fn push_n(out: &mut String, x: f64) {
    let tenths = if x.is_finite() {
        (x * 10.0).round()
    } else {
        0.0
    };
    if tenths.abs() >= 1e15 {
        let start = out.len();
        let r = tenths / 10.0 + 0.0;
        write!(out, "{r:.1}").expect("writing to a String cannot fail");
        while out[start..].ends_with(".0") {
            out.truncate(out.len() - 2);
        }
        return;
    }
    // Exact: |tenths| < 10^15 < 2^53.
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = whole;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
    if tenth != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenth as u8));
    }
}

/// Unicode ranges of CJK and full-width characters, 1em wide.
const WIDE: [(u32, u32); 11] = [
    (0x1100, 0x115F),
    (0x2190, 0x21FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x27BF),
    (0x2E80, 0xA4CF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x20000, 0x3FFFD),
];

/// Estimated width of `text` in em: CJK and full-width characters are 1em,
/// others 0.55em.
pub(super) fn text_em(text: &str) -> f64 {
    let wide = |c: char| WIDE.iter().any(|&(a, b)| (a..=b).contains(&u32::from(c)));
    text.chars().map(|c| if wide(c) { 1.0 } else { 0.55 }).sum()
}

/// Maps fiscal years and values to viewBox coordinates.
struct Scale {
    /// First and last fiscal year.
    years: (i32, i32),
    /// Left and right edge of the plot.
    x: (f64, f64),
    /// Values at the bottom and the top of the plot.
    v: (f64, f64),
    /// Bottom and top edge of the plot.
    y: (f64, f64),
}

impl Scale {
    /// Width of one year's slot; each year sits in the middle of its slot.
    fn slot(&self) -> f64 {
        (self.x.1 - self.x.0) / (f64::from(self.years.1) - f64::from(self.years.0) + 1.0)
    }
    fn x(&self, year: i32) -> f64 {
        self.x.0 + (f64::from(year) - f64::from(self.years.0) + 0.5) * self.slot()
    }
    fn y(&self, value: f64) -> f64 {
        self.y.0 - (value - self.v.0) / (self.v.1 - self.v.0) * (self.y.0 - self.y.1)
    }
    fn point(&self, (year, value): (i32, f64)) -> (f64, f64) {
        (self.x(year), self.y(value))
    }
}

/// A point in viewBox coordinates.
type Xy = (f64, f64);

/// A box in viewBox coordinates.
#[derive(Clone, Copy)]
struct Rect(f64, f64, f64, f64);

impl Rect {
    fn around((x, y): (f64, f64), r: f64) -> Rect {
        Rect(x - r, y - r, x + r, y + r)
    }
    fn overlaps(&self, o: &Rect) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }
    fn inside(&self, o: &Rect) -> bool {
        self.0 >= o.0 && self.1 >= o.1 && self.2 <= o.2 && self.3 <= o.3
    }
}

/// The box of `text` in font `size` at `(x, baseline y)` with `anchor`.
fn text_box((x, y): (f64, f64), anchor: &str, text: &str, size: f64) -> Rect {
    let width = text_em(text) * size;
    let x0 = match anchor {
        "start" => x,
        "middle" => x - width / 2.0,
        _ => x - width,
    };
    Rect(x0, y - 0.88 * size, x0 + width, y + 0.12 * size)
}

/// Places direct labels where they cover the fewest things.
struct Placer {
    taken: Vec<Rect>,
    bounds: Rect,
}

impl Placer {
    /// Marks the box of a text as taken.
    fn reserve(&mut self, at: (f64, f64), anchor: &str, text: &str, size: f64) {
        self.taken.push(text_box(at, anchor, text, size));
    }

    /// Marks the points of a polyline as taken.
    fn line(&mut self, points: &[(f64, f64)]) {
        for pair in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let steps = ((x1 - x0).hypot(y1 - y0) / 4.0).ceil().max(1.0) as usize;
            for i in 0..=steps {
                let t = i as f64 / steps as f64;
                let at = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
                self.taken.push(Rect::around(at, 1.5));
            }
        }
    }

    /// The position (x, baseline y) and anchor of a label next to a point.
    fn place(&mut self, text: &str, (px, py): (f64, f64)) -> ((f64, f64), &'static str) {
        let (f, g) = (LABEL_FONT, 10.0);
        let (above, below, middle) = (py - g, py + g + 0.8 * f, py + 0.35 * f);
        let candidates = [
            ((px + g, middle), "start"),
            ((px, above), "middle"),
            ((px, below), "middle"),
            ((px - g, middle), "end"),
            ((px + 4.0, above), "start"),
            ((px + 4.0, below), "start"),
            ((px - 4.0, above), "end"),
            ((px - 4.0, below), "end"),
        ];
        let cost = |&(at, anchor): &((f64, f64), &str)| {
            let b = text_box(at, anchor, text, f);
            let hits = self.taken.iter().filter(|t| t.overlaps(&b)).count();
            hits + if b.inside(&self.bounds) { 0 } else { 10_000 }
        };
        let best = candidates
            .iter()
            .min_by_key(|c| cost(c))
            .unwrap_or(&candidates[0]);
        self.reserve(best.0, best.1, text, f);
        *best
    }
}

/// A labelled vertical line across the plot (a revision, a break between
/// plans): its CSS class, its dash pattern and its label.
struct Marker(&'static str, &'static str, &'static str);

impl Marker {
    /// Draws the line at `x` from `top` to `bottom`, and its label at
    /// baseline `y`: right of the line where it fits, else left of it.
    fn draw(&self, svg: &mut Svg, placer: &mut Placer, x: f64, (top, bottom): (f64, f64), y: f64) {
        let Marker(class, dashes, text) = *self;
        let line = format!(
            r#"class="{class}" stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="{dashes}""#
        );
        svg.line(&line, (x, top), (x, bottom));
        let fits = x + 4.0 + text_em(text) * FONT <= WIDTH - 2.0;
        let (at, anchor) = if fits {
            ((x + 4.0, y), "start")
        } else {
            ((x - 4.0, y), "end")
        };
        placer.reserve(at, anchor, text, FONT);
        let attrs =
            format!(r#"class="{class} label" text-anchor="{anchor}" fill="{MUTED}" {HALO}"#);
        svg.text(&attrs, at, text);
    }
}

/// Writes SVG elements, one a line, straight into one buffer. Numbers and
/// the constants above go in as they are; every other text is escaped as by
/// [`escape`].
#[derive(Default)]
struct Svg(String);

impl Svg {
    fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
        self.0.push('\n');
    }
    /// Appends `markup`.
    fn push(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }
    /// Appends a number as [`push_n`] writes it.
    fn num(&mut self, x: f64) -> &mut Self {
        push_n(&mut self.0, x);
        self
    }
    /// Appends `x,y x,y …` for a polyline or polygon.
    fn points(&mut self, points: &[(f64, f64)]) -> &mut Self {
        for (i, &(x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.0.push(' ');
            }
            self.num(x).push(",").num(y);
        }
        self
    }
    /// `<text>` with `attrs` at `(x, baseline y)`.
    fn text(&mut self, attrs: &str, (x, y): (f64, f64), text: &str) {
        self.push("<text ").push(attrs).push(" x=\"").num(x);
        self.push("\" y=\"").num(y).push("\">");
        push_escaped(&mut self.0, text);
        self.raw("</text>");
    }
    /// `<line>` with `attrs`.
    fn line(&mut self, attrs: &str, from: (f64, f64), to: (f64, f64)) {
        self.push("<line ").push(attrs);
        self.push(" x1=\"").num(from.0).push("\" y1=\"").num(from.1);
        self.push("\" x2=\"").num(to.0).push("\" y2=\"").num(to.1);
        self.raw("\"/>");
    }
    /// `<polyline>` with `attrs` through `pts`, unfilled.
    fn polyline(&mut self, attrs: &str, pts: &[(f64, f64)]) {
        self.push("<polyline ")
            .push(attrs)
            .push(r#" fill="none" points=""#);
        self.points(pts).raw("\"/>");
    }
    /// A hollow square of side `side` centred on `(x, y)`, for the baseline.
    fn square(&mut self, (x, y): (f64, f64), side: f64, stroke_width: f64) {
        self.push(r#"<rect class="series-baseline marker" x=""#)
            .num(x - side / 2.0)
            .push("\" y=\"")
            .num(y - side / 2.0);
        self.push("\" width=\"")
            .num(side)
            .push("\" height=\"")
            .num(side);
        self.push("\" fill=\"")
            .push(WHITE)
            .push("\" stroke=\"")
            .push(BASELINE);
        self.push("\" stroke-width=\"")
            .num(stroke_width)
            .raw("\"/>");
    }
    /// A filled circle of radius `r` for an actual value.
    fn dot(&mut self, (x, y): (f64, f64), r: f64) {
        self.push(r#"<circle class="series-actual marker" cx=""#)
            .num(x);
        self.push("\" cy=\"").num(y).push("\" r=\"").num(r);
        self.push("\" fill=\"")
            .push(ACTUAL)
            .push("\" stroke=\"")
            .push(WHITE);
        self.raw("\" stroke-width=\"1\"/>");
    }
}

/// The target path: from the baseline (for a yearly target) through each
/// target; a cap or floor is a level line across the axis that steps at each
/// new limit, never a path from the baseline.
fn target_path(input: &ChartInput, data: &Data) -> Vec<(i32, f64)> {
    let mut path = Vec::new();
    if input.limit() {
        for (i, &(year, value)) in data.targets.iter().enumerate() {
            let from = if i == 0 { data.years.0 } else { year };
            if let Some(&(_, prev)) = path.last() {
                path.push((from, prev));
            }
            path.push((from, value));
        }
        if let Some(&(_, last)) = path.last() {
            path.push((data.years.1, last));
        }
        return path;
    }
    if !input.cumulative()
        && let Some(b) = data.baseline
        && data.targets.first().is_some_and(|t| t.0 > b.0)
    {
        path.push(b);
    }
    path.extend(data.targets.iter().copied());
    path
}

/// The runs of actual values and the target path, in viewBox coordinates.
fn lines(input: &ChartInput, data: &Data, scale: &Scale) -> (Vec<Vec<Xy>>, Vec<Xy>) {
    let to_xy = |run: &[(i32, f64)]| run.iter().map(|&p| scale.point(p)).collect::<Vec<_>>();
    let runs = data.segments().iter().map(|run| to_xy(run)).collect();
    (runs, to_xy(&target_path(input, data)))
}

/// The full chart.
pub(super) fn chart(input: &ChartInput, data: &Data, desc: &str) -> String {
    let (ticks, places) = y_ticks(&data.values());
    let labels: Vec<String> = ticks
        .iter()
        .map(|&t| format_value(t, Some(places)))
        .collect();
    let widest = labels.iter().map(|t| text_em(t)).fold(0.0, f64::max) * FONT;
    let (left, right, top, bottom) = ((widest + 18.0).max(40.0), RIGHT, TOP, BOTTOM);
    let (lo, hi, years) = (ticks[0], ticks[ticks.len() - 1], data.years);
    let scale = Scale {
        years,
        x: (left, right),
        v: (lo, hi),
        y: (bottom, top),
    };
    let id = escape(input.id);
    let mut svg = Svg::default();
    svg.raw(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {} {}" aria-labelledby="chart-{id}-title chart-{id}-desc" class="kpi-chart" font-family="inherit" font-size="{}" fill="{TEXT}">"#,
        n(WIDTH),
        n(HEIGHT),
        n(FONT)
    ));
    let (name, desc) = (escape(input.name), escape(desc));
    svg.raw(&format!(r#"<title id="chart-{id}-title">{name}</title>"#));
    svg.raw(&format!(r#"<desc id="chart-{id}-desc">{desc}</desc>"#));
    let bounds = Rect(2.0, 28.0, WIDTH - 2.0, HEIGHT - 2.0);
    let mut placer = Placer {
        bounds,
        taken: vec![],
    };

    // Unit and direction cue above the plot.
    if !input.unit.is_empty() {
        let unit = format!("（{}）", input.unit);
        svg.text(r#"class="axis-title""#, (8.0, 24.0), &unit);
    }
    let cue = match input.direction {
        Direction::Higher => "↑ 高いほどよい",
        Direction::Lower => "↓ 低いほどよい",
        Direction::Neither => "",
    };
    if !cue.is_empty() {
        let at = (WIDTH - 8.0, 24.0);
        svg.text(r#"class="direction-cue" text-anchor="end""#, at, cue);
        placer.reserve(at, "end", cue, FONT);
    }

    // Gridlines and the y axis labels.
    let grid = format!(r#"class="grid" stroke="{GRID}" stroke-width="1""#);
    for (&tick, text) in ticks.iter().zip(&labels) {
        let y = scale.y(tick);
        svg.line(&grid, (left, y), (right, y));
        let at = (left - 8.0, y + 0.35 * FONT);
        svg.text(r#"class="tick-label" text-anchor="end""#, at, text);
        placer.reserve(at, "end", text, FONT);
    }

    // The x axis, labelling every year, or every 2nd, 5th, 10th … if crowded.
    let axis = format!(r#"class="axis" stroke="{MUTED}" stroke-width="1""#);
    svg.line(&axis, (left, bottom), (right, bottom));
    let need = text_em("2025") * FONT + 8.0;
    let every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
        .into_iter()
        .find(|&k| k as f64 * scale.slot() >= need)
        .unwrap_or(usize::MAX);
    for year in (years.0..=years.1).step_by(every) {
        let x = scale.x(year);
        svg.line(&axis, (x, bottom), (x, bottom + 5.0));
        let label = year.to_string();
        svg.text(
            r#"class="tick-label" text-anchor="middle""#,
            (x, bottom + 22.0),
            &label,
        );
    }
    let at = ((left + right) / 2.0, bottom + 46.0);
    svg.text(r#"class="axis-title" text-anchor="middle""#, at, "年度");
    placer.taken.push(Rect(0.0, bottom - 1.0, WIDTH, HEIGHT));

    // Revisions: a dotted vertical line and a label at the top.
    for &year in &data.revisions {
        let x = scale.x(year);
        let line = Marker("revision", "2 3", "見直し");
        line.draw(&mut svg, &mut placer, x, (top, bottom), top + FONT);
    }

    // Breaks between plans: a dashed vertical line half a year before the
    // new plan's first year, labelled at the bottom of the plot.
    for &year in &data.breaks {
        let x = (scale.x(year - 1) + scale.x(year)) / 2.0;
        let line = Marker("plan-break", "6 3", "計画の切替");
        line.draw(&mut svg, &mut placer, x, (top, bottom), bottom - 6.0);
    }

    // Every marker is an obstacle for labels; so is every line.
    let baseline = data.baseline.map(|b| scale.point(b));
    let (runs, target) = lines(input, data, &scale);
    if let Some(b) = baseline {
        placer.taken.push(Rect::around(b, 8.0));
    }
    let markers = target.iter().chain(runs.iter().flatten());
    placer.taken.extend(markers.map(|&p| Rect::around(p, 7.0)));
    placer.line(&target);
    runs.iter().for_each(|run| placer.line(run));

    // Targets: dashed line, hollow diamonds.
    if target.len() > 1 {
        let dashed = format!(
            r#"class="series-target line" stroke="{TARGET}" stroke-width="2" stroke-dasharray="8 5""#
        );
        svg.polyline(&dashed, &target);
    }
    for &t in &data.targets {
        let (x, y) = scale.point(t);
        let diamond = [(x, y - 7.0), (x + 7.0, y), (x, y + 7.0), (x - 7.0, y)];
        svg.push(r#"<polygon class="series-target marker" points=""#)
            .points(&diamond)
            .push("\" fill=\"")
            .push(WHITE)
            .push("\" stroke=\"")
            .push(TARGET)
            .raw("\" stroke-width=\"2\"/>");
    }

    // Actual values: a solid line for each run of years, filled circles.
    let solid = format!(
        r#"class="series-actual line" stroke="{ACTUAL}" stroke-width="2.5" stroke-linejoin="round""#
    );
    runs.iter()
        .filter(|run| run.len() > 1)
        .for_each(|run| svg.polyline(&solid, run));
    runs.iter().flatten().for_each(|&p| svg.dot(p, 5.0));

    // Baseline: hollow square.
    if let Some(b) = baseline {
        svg.square(b, 11.0, 2.0);
    }

    // Direct labels.
    let mut label = |series: &str, fill: &str, text: &str, at: (f64, f64)| {
        let (at, anchor) = placer.place(text, at);
        let attrs = format!(
            r#"class="series-{series} label" text-anchor="{anchor}" fill="{fill}" font-size="{}" font-weight="bold" {HALO}"#,
            n(LABEL_FONT)
        );
        svg.text(&attrs, at, text);
    };
    if let Some(b) = baseline {
        label("baseline", BASELINE, "策定時", b);
    }
    if let Some(&last) = target.last() {
        label("target", TARGET, input.target_label(), last);
    }
    if let Some(latest) = data.latest() {
        let text = if input.cumulative() {
            "実績の累計"
        } else {
            "実績"
        };
        label("actual", ACTUAL, text, scale.point(latest));
    }
    svg.raw("</svg>");
    svg.0
}

/// The small chart for dashboard rows.
pub(super) fn sparkline(input: &ChartInput, data: &Data, title: &str) -> String {
    let (w, h, pad) = (120.0, 32.0, 5.0);
    let values = data.values();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let room = if lo < hi { 0.0 } else { 1.0 };
    let (lo, hi) = (lo - room, hi + room);
    let (left, right, top, bottom, years) = (pad, w - pad, pad, h - pad, data.years);
    let scale = Scale {
        years,
        x: (left, right),
        v: (lo, hi),
        y: (bottom, top),
    };
    let (id, title) = (escape(input.id), escape(title));
    let mut svg = Svg::default();
    svg.raw(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 120 32" width="120" height="32" aria-labelledby="spark-{id}-title" class="kpi-sparkline">"#
    ));
    svg.raw(&format!(r#"<title id="spark-{id}-title">{title}</title>"#));
    let (runs, target) = lines(input, data, &scale);
    if target.len() > 1 {
        let dashed = format!(
            r#"class="series-target line" stroke="{TARGET}" stroke-width="1.5" stroke-dasharray="4 3""#
        );
        svg.polyline(&dashed, &target);
    }
    let solid = format!(
        r#"class="series-actual line" stroke="{ACTUAL}" stroke-width="2" stroke-linejoin="round""#
    );
    runs.iter()
        .filter(|run| run.len() > 1)
        .for_each(|run| svg.polyline(&solid, run));
    if let Some(b) = data.baseline {
        svg.square(scale.point(b), 5.0, 1.5);
    }
    if let Some(latest) = data.latest() {
        svg.dot(scale.point(latest), 3.0);
    }
    svg.raw("</svg>");
    svg.0
}

#[cfg(test)]
mod tests;
