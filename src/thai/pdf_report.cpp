#include "thai/pdf_report.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <numeric>
#include <optional>

#include "base/error.hpp"
#include "thai/pdf_text.hpp"

namespace changwat::thai {
namespace {

using pdf::LayoutPtr;
using pdf::TextStyle;

constexpr double kA4Short = 595.276;  // points: 210 mm
constexpr double kA4Long = 841.890;   // 297 mm
constexpr double kMarginX = 50;
constexpr double kHeaderTop = 26;
constexpr double kBodyTop = 70;
constexpr double kBodyBottomMargin = 52;
constexpr double kFooterFromBottom = 38;
constexpr double kHeaderTextSize = 11;
constexpr double kCellPaddingX = 4;
constexpr double kCellPaddingY = 2;
constexpr double kBlockGap = 8;

[[noreturn]] void throw_cairo_failure(cairo_status_t status) {
  throw Error(ErrorKind::internal, "pdf_write_failed",
              {std::string("สร้างไฟล์ PDF ไม่สำเร็จ: ") + cairo_status_to_string(status),
               std::string("Could not write the PDF: ") + cairo_status_to_string(status)});
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::vector<double> column_widths(const ReportTable& table,
                                  const std::vector<double>& natural_widths, double available) {
  const std::size_t count = table.columns.size();
  std::vector<double> widths(count, 0);
  bool weighted = std::all_of(table.columns.begin(), table.columns.end(),
                              [](const ReportColumn& column) { return column.weight > 0; });
  if (weighted) {
    double total = 0;
    for (const ReportColumn& column : table.columns) total += column.weight;
    for (std::size_t i = 0; i < count; ++i) widths[i] = available * table.columns[i].weight / total;
    return widths;
  }
  double natural_total = std::accumulate(natural_widths.begin(), natural_widths.end(), 0.0);
  if (natural_total <= available) {
    // Everything fits on one line: share the spare room in proportion.
    for (std::size_t i = 0; i < count; ++i) {
      widths[i] =
          natural_widths[i] + (available - natural_total) * natural_widths[i] / natural_total;
    }
    return widths;
  }
  // Narrow columns keep their natural width; the widest ones split what is left
  // equally and their text wraps.
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return natural_widths[a] < natural_widths[b]; });
  double remaining = available;
  for (std::size_t k = 0; k < count; ++k) {
    double share = remaining / static_cast<double>(count - k);
    std::size_t column = order[k];
    widths[column] = std::min(natural_widths[column], share);
    remaining -= widths[column];
  }
  return widths;
}

PangoAlignment pango_alignment(CellAlign align) {
  switch (align) {
    case CellAlign::left:
      return PANGO_ALIGN_LEFT;
    case CellAlign::center:
      return PANGO_ALIGN_CENTER;
    case CellAlign::right:
      return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

// Lays the blocks out onto pages (first pass), then draws every page knowing
// the page count (second pass) for "หน้า ๓/๑๒".
class PdfRenderer {
 public:
  explicit PdfRenderer(const PdfReport& report) : report_(report) {
    const bool portrait = report.setup_.orientation == PageOrientation::portrait;
    page_width_ = portrait ? kA4Short : kA4Long;
    page_height_ = portrait ? kA4Long : kA4Short;
    content_width_ = page_width_ - 2 * kMarginX;
    body_bottom_ = page_height_ - kBodyBottomMargin;
  }

  std::string render() {
    std::string output;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_to_string, &output, page_width_, page_height_);
    cairo_t* cr = cairo_create(surface);
    try {
      if (cairo_status_t status = cairo_surface_status(surface)) throw_cairo_failure(status);
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                     report_.setup_.title.c_str());
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "changwat");
      pdf::require_report_font(cr);
      cr_ = cr;
      lay_out_blocks();
      const std::size_t total = pages_.size();
      for (std::size_t index = 0; index < total; ++index) {
        draw_page_frame(cr, index + 1, total);
        for (const auto& draw : pages_[index]) {
          cairo_save(cr);
          draw(cr);
          cairo_restore(cr);
        }
        cairo_show_page(cr);
      }
      pages_.clear();  // layouts hold references into the context; free them first
      if (cairo_status_t status = cairo_status(cr)) throw_cairo_failure(status);
    } catch (...) {
      pages_.clear();
      cairo_destroy(cr);
      cairo_surface_destroy(surface);
      throw;
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw_cairo_failure(status);
    return output;
  }

 private:
  using DrawOp = std::function<void(cairo_t*)>;

  TextStyle body_style() const { return {report_.setup_.font_size, false}; }

  void lay_out_blocks() {
    start_page();
    for (const PdfReport::Block& block : report_.blocks_) {
      std::visit([this](const auto& item) { lay_out(item); }, block);
    }
  }

  void start_page() {
    pages_.emplace_back();
    y_ = kBodyTop;
  }
  bool page_is_empty() const { return pages_.back().empty(); }
  // Starts a new page unless `height` still fits (or the page is empty anyway).
  void need(double height) {
    if (y_ + height > body_bottom_ && !page_is_empty()) start_page();
  }
  void add(DrawOp op) { pages_.back().push_back(std::move(op)); }

  void lay_out(const PdfReport::PageBreak&) {
    if (!page_is_empty()) start_page();
  }

  // Places a layout line by line so that long text continues on the next page.
  void place_lines(const LayoutPtr& layout, double x) {
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
      const double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      need(line_height);
      PangoLayoutLine* line = pango_layout_line_ref(pango_layout_iter_get_line_readonly(iter));
      std::shared_ptr<PangoLayoutLine> line_holder(line, pango_layout_line_unref);
      const double line_x = x + static_cast<double>(logical.x) / PANGO_SCALE;
      const double top = y_;
      add([layout, line_holder, line_x, top, baseline](cairo_t* cr) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, line_x, top + baseline);
        pango_cairo_show_layout_line(cr, line_holder.get());
      });
      y_ += line_height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  void lay_out(const PdfReport::Heading& heading) {
    TextStyle style{report_.setup_.font_size + 4, true};
    LayoutPtr layout = pdf::make_layout(cr_, heading.text, style, content_width_);
    const double height = pdf::layout_size(layout.get()).height;
    // Keep a heading with at least three lines of what follows it.
    need(height + kBlockGap + 3 * report_.setup_.font_size * 1.5);
    if (!page_is_empty()) y_ += kBlockGap;
    place_lines(layout, kMarginX);
    y_ += kBlockGap / 2;
  }

  void lay_out(const PdfReport::Paragraph& paragraph) {
    LayoutPtr layout = pdf::make_layout(cr_, paragraph.text, body_style(), content_width_);
    place_lines(layout, kMarginX);
    y_ += kBlockGap;
  }

  struct TableRow {
    std::vector<LayoutPtr> cells;
    std::vector<double> offsets;  // x offset inside the cell (right/centre alignment)
    double height = 0;
  };

  TableRow make_table_row(const ReportTable& table, const std::vector<std::string>* texts,
                          const std::vector<double>& widths, std::vector<LayoutPtr> naturals) {
    TableRow row;
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
      LayoutPtr layout = std::move(naturals[column]);
      const double inner = std::max(widths[column] - 2 * kCellPaddingX, 1.0);
      pdf::TextSize size = pdf::layout_size(layout.get());
      double offset = 0;
      const CellAlign align = texts == nullptr ? CellAlign::center : table.columns[column].align;
      if (size.width > inner) {
        // Wrapping re-lays the text; only cells that need it pay for that.
        pango_layout_set_width(layout.get(), static_cast<int>(inner * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), pango_alignment(align));
        size = pdf::layout_size(layout.get());
      } else if (align == CellAlign::right) {
        offset = inner - size.width;
      } else if (align == CellAlign::center) {
        offset = (inner - size.width) / 2;
      }
      row.cells.push_back(std::move(layout));
      row.offsets.push_back(offset);
      row.height = std::max(row.height, size.height + 2 * kCellPaddingY);
    }
    return row;
  }

  void place_table_row(const std::shared_ptr<const TableRow>& row,
                       const std::shared_ptr<const std::vector<double>>& widths, bool header,
                       bool shaded) {
    const double available = body_bottom_ - kBodyTop;
    const double height = std::min(row->height, available);  // an over-tall row is clipped
    const double top = y_;
    add([row, widths, top, height, header, shaded](cairo_t* cr) {
      double x = kMarginX;
      const double total_width = std::accumulate(widths->begin(), widths->end(), 0.0);
      if (header || shaded) {
        if (header)
          cairo_set_source_rgb(cr, 0.85, 0.89, 0.95);
        else
          cairo_set_source_rgb(cr, 0.96, 0.96, 0.96);
        cairo_rectangle(cr, x, top, total_width, height);
        cairo_fill(cr);
      }
      cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
      cairo_set_line_width(cr, 0.5);
      cairo_rectangle(cr, x, top, total_width, height);
      cairo_stroke(cr);
      for (std::size_t column = 0; column < row->cells.size(); ++column) {
        const double width = (*widths)[column];
        if (column > 0) {
          cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
          cairo_move_to(cr, x, top);
          cairo_line_to(cr, x, top + height);
          cairo_stroke(cr);
        }
        cairo_save(cr);
        cairo_rectangle(cr, x, top, width, height);
        cairo_clip(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        pdf::draw_layout(cr, row->cells[column].get(), x + kCellPaddingX + row->offsets[column],
                         top + kCellPaddingY);
        cairo_restore(cr);
        x += width;
      }
    });
    y_ += height;
  }

  void lay_out(const ReportTable& table) {
    if (table.columns.empty()) return;
    const std::size_t columns = table.columns.size();
    const TextStyle header_style{report_.setup_.font_size, true};
    const TextStyle cell_style = body_style();

    // First every cell on one line, to learn how wide each column wants to be.
    std::vector<LayoutPtr> header_layouts;
    std::vector<double> natural(columns, 0);
    for (std::size_t column = 0; column < columns; ++column) {
      header_layouts.push_back(pdf::make_layout(cr_, table.columns[column].header, header_style));
      natural[column] = pdf::layout_size(header_layouts.back().get()).width;
    }
    static const std::string kEmpty;
    std::vector<std::vector<LayoutPtr>> cell_layouts;
    cell_layouts.reserve(table.rows.size());
    for (const std::vector<std::string>& texts : table.rows) {
      std::vector<LayoutPtr> layouts;
      for (std::size_t column = 0; column < columns; ++column) {
        const std::string& text = column < texts.size() ? texts[column] : kEmpty;
        layouts.push_back(pdf::make_layout(cr_, text, cell_style));
        natural[column] = std::max(natural[column], pdf::layout_size(layouts.back().get()).width);
      }
      cell_layouts.push_back(std::move(layouts));
    }
    for (double& width : natural) width += 2 * kCellPaddingX + 1;
    auto widths =
        std::make_shared<const std::vector<double>>(column_widths(table, natural, content_width_));

    auto header = std::make_shared<const TableRow>(
        make_table_row(table, nullptr, *widths, std::move(header_layouts)));
    // The header travels with at least one body row.
    double first_row_height = header->height;
    std::vector<std::shared_ptr<const TableRow>> rows;
    rows.reserve(table.rows.size());
    for (std::size_t index = 0; index < table.rows.size(); ++index) {
      rows.push_back(std::make_shared<const TableRow>(
          make_table_row(table, &table.rows[index], *widths, std::move(cell_layouts[index]))));
    }
    if (!rows.empty()) first_row_height += rows.front()->height;
    need(first_row_height);
    place_table_row(header, widths, true, false);
    for (std::size_t index = 0; index < rows.size(); ++index) {
      if (y_ + std::min(rows[index]->height, body_bottom_ - kBodyTop - header->height) >
          body_bottom_) {
        start_page();
        place_table_row(header, widths, true, false);  // repeated on every page
      }
      place_table_row(rows[index], widths, false, index % 2 == 1);
    }
    y_ += kBlockGap;
  }

  template <typename Chart>
  void lay_out_chart(const Chart& chart) {
    const double height = std::min(content_width_ * 0.5, body_bottom_ - kBodyTop);
    need(height);
    ChartBox box{kMarginX, y_, content_width_, height};
    add([chart, box](cairo_t* cr) { draw_chart(cr, chart, box); });
    y_ += height + kBlockGap;
  }
  void lay_out(const BarChart& chart) { lay_out_chart(chart); }
  void lay_out(const LineChart& chart) { lay_out_chart(chart); }

  void draw_page_frame(cairo_t* cr, std::size_t page, std::size_t total) {
    const TextStyle style{kHeaderTextSize, false};
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    LayoutPtr province = pdf::make_layout(cr, report_.setup_.province, {kHeaderTextSize, true});
    const double province_width = pdf::layout_size(province.get()).width;
    pdf::draw_layout(cr, province.get(), kMarginX, kHeaderTop);
    // The title takes what is left of the line, ellipsized if it is very long.
    const double title_width = std::max(content_width_ - province_width - 20, 40.0);
    LayoutPtr title =
        pdf::make_layout(cr, report_.setup_.title, style, title_width, PANGO_ALIGN_RIGHT);
    pango_layout_set_ellipsize(title.get(), PANGO_ELLIPSIZE_END);
    pdf::draw_layout(cr, title.get(), page_width_ - kMarginX - title_width, kHeaderTop);
    const double rule_y =
        kHeaderTop +
        std::max(pdf::layout_size(province.get()).height, pdf::layout_size(title.get()).height) + 3;
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, kMarginX, rule_y);
    cairo_line_to(cr, page_width_ - kMarginX, rule_y);
    cairo_stroke(cr);

    std::string number = "หน้า " + std::to_string(page) + "/" + std::to_string(total);
    if (report_.setup_.page_number_digits == Digits::thai) number = to_thai_digits(number);
    LayoutPtr footer = pdf::make_layout(cr, number, style);
    const double footer_width = pdf::layout_size(footer.get()).width;
    pdf::draw_layout(cr, footer.get(), page_width_ - kMarginX - footer_width,
                     page_height_ - kFooterFromBottom);
  }

  const PdfReport& report_;
  cairo_t* cr_ = nullptr;
  double page_width_;
  double page_height_;
  double content_width_;
  double body_bottom_;
  double y_ = kBodyTop;
  std::vector<std::vector<DrawOp>> pages_;
  // Headings placed with nothing after them yet: where the first one starts.
  struct PendingHeadings {
    std::size_t page;
    std::size_t first_op;
    double top;
  };
  std::optional<PendingHeadings> pending_headings_;
};

PdfReport::PdfReport(ReportSetup setup) : setup_(std::move(setup)) {}

void PdfReport::add_heading(std::string text) { blocks_.emplace_back(Heading{std::move(text)}); }
void PdfReport::add_paragraph(std::string text) {
  blocks_.emplace_back(Paragraph{std::move(text)});
}
void PdfReport::add_table(ReportTable table) {
  for (const auto& row : table.rows) {
    if (row.size() > table.columns.size()) {
      throw Error(ErrorKind::internal, "pdf_table_shape",
                  {"แถวของตารางมีช่องมากกว่าหัวตาราง", "A table row has more cells than columns"});
    }
  }
  blocks_.emplace_back(std::move(table));
}
void PdfReport::add_chart(BarChart chart) { blocks_.emplace_back(std::move(chart)); }
void PdfReport::add_chart(LineChart chart) { blocks_.emplace_back(std::move(chart)); }
void PdfReport::add_page_break() { blocks_.emplace_back(PageBreak{}); }

std::string PdfReport::to_bytes() const { return PdfRenderer(*this).render(); }

void PdfReport::save(const std::filesystem::path& path) const {
  std::string bytes = to_bytes();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    throw Error(
        ErrorKind::internal, "pdf_write_failed",
        {"บันทึกไฟล์ PDF ที่ " + path.string() + " ไม่ได้", "Could not save the PDF to " + path.string()});
  }
}

}  // namespace changwat::thai
