#pragma once
// Simple charts drawn with Cairo for PDF reports: grouped bar charts (budget by
// agency, ...) and line charts such as the S-curve of cumulative plan versus
// actual progress.
#include <cairo.h>

#include <string>
#include <vector>

namespace changwat::thai {

struct ChartSeries {
  std::string name;  // legend text: "แผน", "ผล"
  // One value per category/label; a line series may be shorter than the labels
  // (actual progress known only up to this month).
  std::vector<double> values;
};

struct BarChart {
  std::string title;
  std::vector<std::string> categories;  // one bar group each, labelled below
  std::vector<ChartSeries> series;      // one bar per series in each group
  std::string unit;                     // appended to axis numbers: "%", " ล้านบาท"
};

struct LineChart {
  std::string title;
  std::vector<std::string> labels;  // x axis, evenly spaced: "ต.ค.", "พ.ย.", ...
  std::vector<ChartSeries> series;
  std::string unit;
};

struct ChartBox {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// Draw into `box` (points) on any cairo context; text uses the report font.
void draw_chart(cairo_t* cr, const BarChart& chart, const ChartBox& box);
void draw_chart(cairo_t* cr, const LineChart& chart, const ChartBox& box);

// Axis scale: "nice" tick step (1, 2, 2.5 or 5 × 10^n) covering [low, high]
// with about `target_ticks` intervals. Exposed for tests.
struct AxisScale {
  double low;
  double high;
  double step;
};
AxisScale nice_scale(double low, double high, int target_ticks = 5);

// "1,250", "2.5", "-40" followed by `unit`.
std::string format_axis_value(double value, double step, const std::string& unit);

}  // namespace changwat::thai
