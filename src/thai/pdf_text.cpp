#include "thai/pdf_text.hpp"

#include <string>

#include "base/error.hpp"

namespace changwat::thai::pdf {
namespace {

struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* description) const {
    pango_font_description_free(description);
  }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

FontDescriptionPtr describe(const TextStyle& style) {
  FontDescriptionPtr description(pango_font_description_new());
  pango_font_description_set_family(description.get(), kFontFamily);
  pango_font_description_set_weight(description.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(description.get(), style.size * PANGO_SCALE);
  return description;
}

}  // namespace

LayoutPtr make_layout(cairo_t* cr, std::string_view text, const TextStyle& style, double width,
                      PangoAlignment alignment) {
  LayoutPtr layout(pango_cairo_create_layout(cr), LayoutDeleter());
  FontDescriptionPtr description = describe(style);
  pango_layout_set_font_description(layout.get(), description.get());
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout.get(), alignment);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

TextSize layout_size(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return {static_cast<double>(width) / PANGO_SCALE, static_cast<double>(height) / PANGO_SCALE};
}

void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

void require_report_font(cairo_t* cr) {
  LayoutPtr probe = make_layout(cr, "ก", TextStyle{});
  PangoContext* context = pango_layout_get_context(probe.get());
  FontDescriptionPtr description = describe(TextStyle{});
  PangoFont* font =
      pango_font_map_load_font(pango_context_get_font_map(context), context, description.get());
  std::string family;
  if (font != nullptr) {
    FontDescriptionPtr loaded(pango_font_describe(font));
    const char* name = pango_font_description_get_family(loaded.get());
    family = name != nullptr ? name : "";
    g_object_unref(font);
  }
  if (family != kFontFamily) {
    throw Error(ErrorKind::internal, "pdf_font_missing",
                {"ไม่พบฟอนต์ Laksaman สำหรับรายงาน PDF (ติดตั้งแพ็กเกจ fonts-tlwg-laksaman)",
                 "The Laksaman font for PDF reports is missing (install fonts-tlwg-laksaman)"});
  }
}

}  // namespace changwat::thai::pdf
