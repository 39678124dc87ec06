#include "thai/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "thai/pdf_text.hpp"

namespace changwat::thai {
namespace {

struct Color {
  double red, green, blue;
};
// Colour-blind-safe palette (Okabe–Ito), first two also print well in grey.
constexpr Color kPalette[] = {{0.00, 0.45, 0.70}, {0.90, 0.62, 0.00}, {0.00, 0.62, 0.45},
                              {0.80, 0.40, 0.00}, {0.34, 0.71, 0.91}, {0.80, 0.47, 0.65}};
constexpr double kAxisTextSize = 9;
constexpr double kTitleSize = 12;

void set_color(cairo_t* cr, const Color& color) {
  cairo_set_source_rgb(cr, color.red, color.green, color.blue);
}
const Color& series_color(std::size_t index) {
  return kPalette[index % (sizeof kPalette / sizeof kPalette[0])];
}

// The plot rectangle and value scale shared by both chart kinds.
struct Frame {
  double left, top, right, bottom;
  AxisScale scale;
  double y_of(double value) const {
    return bottom - (value - scale.low) / (scale.high - scale.low) * (bottom - top);
  }
};

std::pair<double, double> value_range(const std::vector<ChartSeries>& series) {
  double low = 0;
  double high = 0;
  for (const ChartSeries& one : series) {
    for (double value : one.values) {
      if (!std::isfinite(value)) continue;
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  return {low, high};
}

// Title on top, legend under it, y-axis numbers on the left; returns the plot area.
Frame draw_frame(cairo_t* cr, const std::string& title, const std::vector<ChartSeries>& series,
                 const std::string& unit, const ChartBox& box, double bottom_labels_height) {
  double y = box.y;
  if (!title.empty()) {
    pdf::LayoutPtr layout =
        pdf::make_layout(cr, title, {kTitleSize, true}, box.width, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(cr, 0, 0, 0);
    pdf::draw_layout(cr, layout.get(), box.x, y);
    y += pdf::layout_size(layout.get()).height + 4;
  }
  // Legend: colour swatch and name for each series, in one centred row.
  double legend_width = 0;
  std::vector<pdf::LayoutPtr> names;
  for (const ChartSeries& one : series) {
    names.push_back(pdf::make_layout(cr, one.name, {kAxisTextSize, false}));
    legend_width += 14 + pdf::layout_size(names.back().get()).width + 12;
  }
  double legend_height = 0;
  double x = box.x + std::max(0.0, (box.width - legend_width) / 2);
  for (std::size_t i = 0; i < names.size(); ++i) {
    pdf::TextSize size = pdf::layout_size(names[i].get());
    set_color(cr, series_color(i));
    cairo_rectangle(cr, x, y + size.height / 2 - 4, 10, 8);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    pdf::draw_layout(cr, names[i].get(), x + 14, y);
    x += 14 + size.width + 12;
    legend_height = std::max(legend_height, size.height);
  }
  y += legend_height + 6;

  auto [low, high] = value_range(series);
  Frame frame{0, y, box.x + box.width - 8, box.y + box.height - bottom_labels_height,
              nice_scale(low, high)};
  // Width of the widest axis number decides the left edge of the plot.
  double label_width = 0;
  std::vector<std::pair<double, pdf::LayoutPtr>> ticks;
  for (double value = frame.scale.low; value <= frame.scale.high + frame.scale.step / 2;
       value += frame.scale.step) {
    ticks.emplace_back(value, pdf::make_layout(cr, format_axis_value(value, frame.scale.step, unit),
                                               {kAxisTextSize, false}));
    label_width = std::max(label_width, pdf::layout_size(ticks.back().second.get()).width);
  }
  frame.left = box.x + label_width + 6;
  cairo_set_line_width(cr, 0.5);
  for (const auto& [value, layout] : ticks) {
    double tick_y = frame.y_of(value);
    cairo_set_source_rgb(cr, value == 0 ? 0.3 : 0.85, value == 0 ? 0.3 : 0.85,
                         value == 0 ? 0.3 : 0.85);
    cairo_move_to(cr, frame.left, tick_y);
    cairo_line_to(cr, frame.right, tick_y);
    cairo_stroke(cr);
    pdf::TextSize size = pdf::layout_size(layout.get());
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    pdf::draw_layout(cr, layout.get(), frame.left - 4 - size.width, tick_y - size.height / 2);
  }
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_move_to(cr, frame.left, frame.top);
  cairo_line_to(cr, frame.left, frame.bottom);
  cairo_stroke(cr);
  return frame;
}

// Category or x labels centred under their slots, wrapped to the slot width.
void draw_bottom_labels(cairo_t* cr, const std::vector<std::string>& labels, const Frame& frame,
                        double slot_width, bool centred_in_slot) {
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    double centre = centred_in_slot ? frame.left + slot_width * (static_cast<double>(i) + 0.5)
                                    : frame.left + slot_width * static_cast<double>(i);
    pdf::LayoutPtr layout = pdf::make_layout(cr, labels[i], {kAxisTextSize, false},
                                             std::max(slot_width - 2, 10.0), PANGO_ALIGN_CENTER);
    pdf::draw_layout(cr, layout.get(), centre - std::max(slot_width - 2, 10.0) / 2,
                     frame.bottom + 3);
  }
}

}  // namespace

AxisScale nice_scale(double low, double high, int target_ticks) {
  if (!std::isfinite(low) || !std::isfinite(high)) low = high = 0;
  if (high <= low) high = low + 1;
  double rough = (high - low) / std::max(target_ticks, 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = magnitude * 10;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (rough <= factor * magnitude) {
      step = factor * magnitude;
      break;
    }
  }
  return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

std::string format_axis_value(double value, double step, const std::string& unit) {
  int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  if (step < 1 && std::abs(step * std::pow(10.0, decimals) -
                           std::round(step * std::pow(10.0, decimals))) > 1e-9) {
    ++decimals;  // 0.25 needs two places
  }
  if (std::abs(value) < step * 1e-6) value = 0;  // no "-0"
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", decimals, std::abs(value));
  const std::string_view text(digits);
  const std::size_t point = text.find('.');
  const std::size_t whole_end = point == std::string_view::npos ? text.size() : point;
  std::string label;
  label.reserve(text.size() + text.size() / 3 + unit.size() + 1);
  if (value < 0) label.push_back('-');
  for (std::size_t i = 0; i < whole_end; ++i) {
    if (i > 0 && (whole_end - i) % 3 == 0) label.push_back(',');
    label.push_back(text[i]);
  }
  label.append(text.substr(whole_end)).append(unit);
  return label;
}

void draw_chart(cairo_t* cr, const BarChart& chart, const ChartBox& box) {
  cairo_save(cr);
  const double bottom_labels = 34;
  Frame frame = draw_frame(cr, chart.title, chart.series, chart.unit, box, bottom_labels);
  const std::size_t groups = std::max<std::size_t>(chart.categories.size(), 1);
  const double slot = (frame.right - frame.left) / static_cast<double>(groups);
  const std::size_t bars = std::max<std::size_t>(chart.series.size(), 1);
  const double bar_width = slot * 0.7 / static_cast<double>(bars);
  const double zero_y = frame.y_of(std::clamp(0.0, frame.scale.low, frame.scale.high));
  for (std::size_t group = 0; group < chart.categories.size(); ++group) {
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const std::vector<double>& values = chart.series[s].values;
      if (group >= values.size() || !std::isfinite(values[group])) continue;
      double x = frame.left + slot * static_cast<double>(group) + slot * 0.15 +
                 bar_width * static_cast<double>(s);
      double top = frame.y_of(values[group]);
      set_color(cr, series_color(s));
      cairo_rectangle(cr, x, std::min(top, zero_y), bar_width * 0.92, std::abs(zero_y - top));
      cairo_fill(cr);
    }
  }
  draw_bottom_labels(cr, chart.categories, frame, slot, true);
  cairo_restore(cr);
}

void draw_chart(cairo_t* cr, const LineChart& chart, const ChartBox& box) {
  cairo_save(cr);
  const double bottom_labels = 22;
  Frame frame = draw_frame(cr, chart.title, chart.series, chart.unit, box, bottom_labels);
  const std::size_t points = std::max<std::size_t>(chart.labels.size(), 2);
  const double step_x = (frame.right - frame.left - 10) / static_cast<double>(points - 1);
  auto x_of = [&](std::size_t i) { return frame.left + 5 + step_x * static_cast<double>(i); };
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const std::vector<double>& values = chart.series[s].values;
    set_color(cr, series_color(s));
    cairo_set_line_width(cr, s == 0 ? 1.5 : 2.2);
    bool drawing = false;
    for (std::size_t i = 0; i < values.size() && i < chart.labels.size(); ++i) {
      if (!std::isfinite(values[i])) {
        drawing = false;
        continue;
      }
      if (drawing) {
        cairo_line_to(cr, x_of(i), frame.y_of(values[i]));
      } else {
        cairo_move_to(cr, x_of(i), frame.y_of(values[i]));
        drawing = true;
      }
    }
    cairo_stroke(cr);
    for (std::size_t i = 0; i < values.size() && i < chart.labels.size(); ++i) {
      if (!std::isfinite(values[i])) continue;
      cairo_arc(cr, x_of(i), frame.y_of(values[i]), 2.2, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  }
  Frame labels_frame = frame;
  labels_frame.left = frame.left + 5;
  draw_bottom_labels(cr, chart.labels, labels_frame, step_x, false);
  cairo_restore(cr);
}

}  // namespace changwat::thai
