//! A small plotting helper for the tutorial: line and scatter charts written as
//! PNG files, with an embedded font so that they render on a machine without
//! system fonts.

use plotters::prelude::*;
use plotters::style::FontStyle;
use std::error::Error;
use std::path::Path;
use std::sync::Once;

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A polyline through the points.
    Line,
    /// A small circle at each point.
    Points,
}

/// One curve of a figure.
pub struct Series<'a> {
    /// Legend text; an empty label leaves the series out of the legend.
    pub label: &'a str,
    /// Abscissae.
    pub x: &'a [f64],
    /// Ordinates, as many as `x`.
    pub y: &'a [f64],
    /// Line or points.
    pub style: Style,
}

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The fonts are valid TrueType files shipped by the dejavu crate.
        let _ = plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            dejavu::sans::regular(),
        );
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

/// Range of the finite values in `v`, widened a little so curves do not touch the frame.
fn span<'a>(values: impl Iterator<Item = &'a f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = if hi > lo { 0.05 * (hi - lo) } else { 0.5 };
    (lo - pad, hi + pad)
}

/// Draws `series` on one pair of axes and writes an 800×500 PNG to `path`.
pub fn figure(
    path: &Path,
    title: &str,
    xlabel: &str,
    ylabel: &str,
    series: &[Series],
) -> Result<(), Box<dyn Error>> {
    register_fonts();
    let (x0, x1) = span(series.iter().flat_map(|s| s.x.iter()));
    let (y0, y1) = span(series.iter().flat_map(|s| s.y.iter()));
    let root = BitMapBackend::new(path, (800, 500)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22).into_font())
        .margin(15)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .x_desc(xlabel)
        .y_desc(ylabel)
        .label_style(("sans-serif", 15))
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    for (k, s) in series.iter().enumerate() {
        let color = COLORS[k % COLORS.len()];
        let points =
            s.x.iter()
                .zip(s.y)
                .map(|(&x, &y)| (x, y))
                .filter(|(x, y)| x.is_finite() && y.is_finite());
        let drawn = match s.style {
            Style::Line => chart.draw_series(LineSeries::new(points, color.stroke_width(2)))?,
            Style::Points => {
                chart.draw_series(points.map(|p| Circle::new(p, 3, color.filled())))?
            }
        };
        if !s.label.is_empty() {
            drawn.label(s.label).legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
        }
    }
    if series.iter().any(|s| !s.label.is_empty()) {
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .label_font(("sans-serif", 15))
            .draw()?;
    }
    root.present()?;
    println!("  [figure written to {}]", path.display());
    Ok(())
}
