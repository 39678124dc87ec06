#pragma once
// Pango text helpers shared by the PDF report and its charts. Layouts are made on
// the PDF's own cairo context so that measuring and drawing use the same metrics.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>

namespace changwat::thai::pdf {

// The report's font: Laksaman (TLWG's free Sarabun-style face, Debian package
// fonts-tlwg-laksaman), with correct Thai vowel and tone-mark placement.
inline constexpr const char* kFontFamily = "Laksaman";

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct TextStyle {
  double size = 14;  // points
  bool bold = false;
};

// A layout of `text` in the report font. `width` > 0 wraps at Thai word
// boundaries (Pango uses libthai's dictionary) to that many points.
LayoutPtr make_layout(cairo_t* cr, std::string_view text, const TextStyle& style, double width = 0,
                      PangoAlignment alignment = PANGO_ALIGN_LEFT);

struct TextSize {
  double width;
  double height;
};
TextSize layout_size(PangoLayout* layout);  // logical size in points

// Draws the layout with its top-left corner at (x, y).
void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y);

// Throws Error(internal, "pdf_font_missing") when fontconfig has no Laksaman:
// Pango would silently substitute another face and the PDF would look wrong.
void require_report_font(cairo_t* cr);

}  // namespace changwat::thai::pdf
