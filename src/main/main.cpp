// The `changwat` command: serve, migrate, user add|passwd|disable|unlock, routes, modules,
// export plan|action-plan.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>

#include "base/error.hpp"
#include "db/migrations.hpp"
#include "http/server.hpp"
#include "main/app.hpp"
#include "modules/action_plan/export.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/health/module.hpp"
#include "modules/plan/export.hpp"
#include "thai/calendar.hpp"

namespace changwat {
namespace {

// Reads a password from stdin without echo when it is a terminal; one line.
std::string read_password() {
  if (isatty(STDIN_FILENO)) std::cerr << "รหัสผ่าน / Password: " << std::flush;
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

std::string default_web_directory(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path candidate :
       {fs::current_path(ec) / "web" / "dist",
        fs::weakly_canonical(fs::path(argv0), ec).parent_path() / ".." / "web" / "dist"}) {
    if (fs::exists(candidate / "index.html", ec)) return fs::weakly_canonical(candidate, ec);
  }
  return (fs::current_path(ec) / "web" / "dist").string();
}

// The action plan module's service, from the one module list.
action_plan::ActionPlanService& action_plans(app::App& application) {
  for (const auto& module : application.modules()) {
    if (auto* found = dynamic_cast<action_plan::ActionPlanModule*>(module.get())) {
      return found->service();
    }
  }
  throw std::logic_error("the action plan module is not in the list (main/modules.cpp)");
}

// The health module's service, from the one module list.
health::HealthService& health_service(app::App& application) {
  for (const auto& module : application.modules()) {
    if (auto* found = dynamic_cast<health::HealthModule*>(module.get())) return found->service();
  }
  throw std::logic_error("the health module is not in the list (main/modules.cpp)");
}

int report(const Error& error) {
  std::cerr << "ข้อผิดพลาด: " << error.message().th << "\nerror: " << error.message().en << "\n";
  for (const auto& [field, why] : error.fields())
    std::cerr << "  " << field << ": " << why.th << " / " << why.en << "\n";
  // Storage errors keep the engine's own words (libpq's message, the file and
  // its permissions) out of HTTP answers; an operator at the console needs them.
  if (std::string cause = error.what(); cause != error.message().en)
    std::cerr << "สาเหตุ / cause: " << cause << "\n";
  return 1;
}

int serve(const app::AppOptions& options, const http::ServerOptions& server_options) {
  // Before the database opens its files: connection caps derive from this limit.
  http::raise_open_file_limit();
  app::App application(options);
  http::Server server(application.router(), application.metrics(), server_options);
  auto bound = server.listen();
  const std::string& host = server_options.host;
  std::string shown_host = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host;
  // The first stdout line is a contract: tests and scripts wait for it.
  std::printf("changwat listening on http://%s:%u\n", shown_host.c_str(), bound);
  if (options.demo) {
    std::printf(
        "demo sign-ins (password %s): admin, strategy, agency, executive, auditor, "
        "health, community\n",
        app::kDemoPassword);
  }
  std::fflush(stdout);
  server.run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace
}  // namespace changwat

int main(int argc, char** argv) {
  using namespace changwat;
  spdlog::set_default_logger(spdlog::stderr_color_mt("changwat"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  CLI::App cli{"changwat — Thai provincial strategy-to-results platform"};
  cli.set_version_flag("--version", std::string("changwat ") + CHANGWAT_VERSION);
  cli.require_subcommand(1);
  std::string database_url = "sqlite:changwat.db";

  auto* serve_cmd = cli.add_subcommand("serve", "Run the HTTP server");
  app::AppOptions app_options;
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // Workers run database work (answers from memory stay on the I/O thread): one per
  // core, at least 2 so one slow query never holds up the rest (docs/performance.md).
  int workers = static_cast<int>(std::max(2u, cores));
  http::ServerOptions server_options;
  // Argon2id uses a core and 19 MiB per sign-in: a quarter of the cores at most, so
  // 50 sign-ins at once leave the rest to everything else.
  server_options.slow_threads = static_cast<int>(std::max(1u, cores / 4));
  std::string web_directory;
  serve_cmd->add_option("--db", database_url, "Database URL: sqlite:PATH or postgresql://…");
  serve_cmd->add_option("--host", host, "Address to listen on");
  serve_cmd->add_option("--port", port, "Port (0 picks a free one)")->check(CLI::Range(0, 65535));
  serve_cmd->add_flag("--demo", app_options.demo, "Load Trat demo data and demo sign-ins");
  serve_cmd->add_option("--web", web_directory, "Directory of the built web UI");
  serve_cmd->add_option("--workers", workers, "Worker threads for requests")
      ->check(CLI::Range(1, 256));
  serve_cmd
      ->add_option("--io-threads", server_options.io_threads,
                   "Threads that read and write connections and answer from memory")
      ->check(CLI::Range(1, 64));
  serve_cmd
      ->add_option("--max-connections", server_options.max_connections,
                   "Open connections at most (default: from the open-file limit)")
      ->check(CLI::Range(1, 1'000'000));
  serve_cmd
      ->add_option("--max-connections-per-address", server_options.max_connections_per_address,
                   "Open connections at most from one client address (default: half of "
                   "--max-connections)")
      ->check(CLI::Range(1, 1'000'000));
  serve_cmd->add_flag("--trust-proxy", server_options.trust_proxy,
                      "Behind your own reverse proxy: the client address is the last entry of "
                      "X-Forwarded-For (rate limits, audit log); never without such a proxy");
  serve_cmd->add_option("--photos-dir", app_options.photos_directory,
                        "Directory of site photos (default: next to the SQLite file)");
  serve_cmd
      ->add_option("--db-wait-ms", app_options.database_wait_ms,
                   "Longest wait for a free database connection before answering 503")
      ->check(CLI::Range(1, 600000));

  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply database migrations");
  migrate_cmd->add_option("--db", database_url, "Database URL");

  auto* user_cmd = cli.add_subcommand("user", "Manage users (password read from stdin)");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "Add a user");
  std::string username, role_text, agency, area, province, display_name;
  user_add->add_option("name", username, "Username")->required();
  user_add->add_option("--role", role_text, "Role")->required();
  user_add->add_option("--agency", agency, "Agency code (scope)");
  user_add->add_option("--area", area, "Area code (scope)");
  user_add->add_option("--province", province,
                       "Province code, when neither agency nor area says it and the "
                       "deployment serves several provinces");
  user_add->add_option("--display-name", display_name, "Name shown in the UI");
  user_add->add_option("--db", database_url, "Database URL");
  auto* user_passwd = user_cmd->add_subcommand("passwd", "Set a user's password");
  user_passwd->add_option("name", username, "Username")->required();
  user_passwd->add_option("--db", database_url, "Database URL");
  auto* user_disable = user_cmd->add_subcommand("disable", "Disable a user and end sessions");
  user_disable->add_option("name", username, "Username")->required();
  user_disable->add_option("--db", database_url, "Database URL");
  auto* user_unlock = user_cmd->add_subcommand(
      "unlock", "Forget a user's failed sign-ins (ends sign-in throttling for the account)");
  user_unlock->add_option("name", username, "Username")->required();
  user_unlock->add_option("--db", database_url, "Database URL");

  auto* routes_cmd = cli.add_subcommand("routes", "List the HTTP routes (method and pattern)");
  auto* modules_cmd =
      cli.add_subcommand("modules", "List the modules: roles, OpenAPI tags and routes of each");

  auto* export_cmd = cli.add_subcommand("export", "Write a document (PDF or Excel)");
  export_cmd->require_subcommand(1);
  auto* export_plan_cmd = export_cmd->add_subcommand("plan", "The development plan as PDF or XLSX");
  std::int64_t plan_id = 0;
  int plan_version = 0;
  std::string export_format;
  std::string output_path;
  // The options every document export takes: the record's id, the format, the file.
  auto add_document_options = [&](CLI::App* command, std::int64_t& id, const char* what) {
    command->add_option("id", id, what)->required();
    command->add_option("--format", export_format, "pdf or xlsx")
        ->required()
        ->check(CLI::IsMember({"pdf", "xlsx"}));
    command->add_option("-o,--output", output_path, "Output file")->required();
    command->add_option("--db", database_url, "Database URL");
  };
  add_document_options(export_plan_cmd, plan_id, "Plan id");
  export_plan_cmd->add_option("--plan-version", plan_version, "Plan version (default: in force)");
  auto* export_action_plan_cmd =
      export_cmd->add_subcommand("action-plan", "The annual action plan as PDF or XLSX");
  std::int64_t action_plan_id = 0;
  add_document_options(export_action_plan_cmd, action_plan_id, "Action plan id");

  auto* health_cmd = cli.add_subcommand("health", "Epidemic control (PDPA duties)");
  health_cmd->require_subcommand(1);
  auto* health_purge_cmd = health_cmd->add_subcommand(
      "purge", "Anonymise the people of outbreaks past their retention end");
  std::string purge_today;
  health_purge_cmd->add_option("--today", purge_today, "The day to judge by (default: today)");
  health_purge_cmd->add_option("--db", database_url, "Database URL");

  CLI11_PARSE(cli, argc, argv);

  try {
    app_options.database_url = database_url;
    if (serve_cmd->parsed()) {
      app_options.web_directory =
          web_directory.empty() ? default_web_directory(argv[0]) : web_directory;
      server_options.host = host;
      server_options.port = static_cast<std::uint16_t>(port);
      server_options.worker_threads = workers;
      return serve(app_options, server_options);
    }
    if (migrate_cmd->parsed()) {
      auto database = db::Database::open(database_url);
      int applied = db::migrate(*database);
      std::printf("migrations applied: %d (database at version %d)\n", applied,
                  db::latest_known_version());
      return 0;
    }
    if (routes_cmd->parsed()) {
      app_options.database_url = "sqlite::memory:";
      app::App application(app_options);
      for (const auto& route : application.router().routes())
        std::printf("%s %s\n", std::string(http::method_name(route.method)).c_str(),
                    route.pattern.c_str());
      return 0;
    }
    if (modules_cmd->parsed()) {
      app_options.database_url = "sqlite::memory:";
      app::App application(app_options);
      for (const auto& module : application.modules()) {
        http::Router own;
        module->register_routes(own);
        std::string roles;
        for (Role role : module->roles())
          roles += (roles.empty() ? "" : ", ") + std::string(role_name(role));
        std::string tags;
        for (const auto& tag : module->openapi().tags) tags += (tags.empty() ? "" : ", ") + tag;
        std::printf("%s\n  roles: %s\n  openapi tags: %s\n  routes: %zu\n",
                    std::string(module->name()).c_str(), roles.c_str(), tags.c_str(),
                    own.routes().size());
      }
      return 0;
    }
    if (export_plan_cmd->parsed() || export_action_plan_cmd->parsed()) {
      app::App application(app_options);
      std::string bytes;
      if (export_plan_cmd->parsed()) {
        std::optional<int> version;
        if (plan_version > 0) version = plan_version;
        bytes = plan::export_plan(
            application.plans(), plan_id, version,
            export_format == "pdf" ? plan::ExportFormat::pdf : plan::ExportFormat::xlsx);
      } else {
        bytes = action_plan::export_action_plan(action_plans(application), action_plan_id,
                                                export_format == "pdf"
                                                    ? action_plan::ExportFormat::pdf
                                                    : action_plan::ExportFormat::xlsx);
      }
      std::ofstream out(output_path, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.close();
      if (!out) {
        std::cerr << "ข้อผิดพลาด: เขียนไฟล์ " << output_path << " ไม่ได้\nerror: cannot write "
                  << output_path << "\n";
        return 1;
      }
      std::printf("wrote %s (%zu bytes)\n", output_path.c_str(), bytes.size());
      return 0;
    }
    if (health_purge_cmd->parsed()) {
      app::App application(app_options);
      std::string today =
          purge_today.empty() ? thai::to_iso(thai::today_in_thailand()) : purge_today;
      auto result = health_service(application).purge_past_retention(Actor::command_line(), today);
      std::printf("outbreaks past retention: %lld\npeople anonymised: %lld\n",
                  static_cast<long long>(result.outbreaks), static_cast<long long>(result.people));
      return 0;
    }
    if (user_cmd->parsed()) {
      app::App application(app_options);
      Actor actor = Actor::command_line();
      if (user_add->parsed()) {
        auto role = parse_role(role_text);
        if (!role) {
          std::cerr << "ข้อผิดพลาด: ไม่รู้จักบทบาท '" << role_text << "'\nerror: unknown role '"
                    << role_text
                    << "' (admin, strategy_officer, agency_officer, executive, auditor, "
                       "health_officer, community_manager, public)\n";
          return 2;
        }
        auth::NewUser user;
        user.username = username;
        user.display_name = display_name;
        user.role = *role;
        if (!agency.empty()) user.agency_code = agency;
        if (!area.empty()) user.area_code = area;
        if (!province.empty()) user.province_code = province;
        auto id = application.auth().add_user(user, read_password(), actor);
        std::printf("user %s added (id %lld)\n", username.c_str(), static_cast<long long>(id));
      } else if (user_passwd->parsed()) {
        application.auth().set_password(username, read_password(), actor);
        std::printf("password changed for %s\n", username.c_str());
      } else if (user_disable->parsed()) {
        application.auth().disable_user(username, actor);
        std::printf("user %s disabled\n", username.c_str());
      } else if (user_unlock->parsed()) {
        auto cleared = application.auth().clear_failures(username, actor);
        std::printf("failed sign-ins of %s forgotten: %lld\n", username.c_str(),
                    static_cast<long long>(cleared));
      }
      return 0;
    }
  } catch (const Error& error) {
    return report(error);
  } catch (const std::exception& error) {
    std::cerr << "ข้อผิดพลาด: " << error.what() << "\nerror: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
