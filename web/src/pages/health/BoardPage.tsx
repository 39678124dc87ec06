// The EOC board (/health): cases by class, contacts under follow-up and the share seen
// today, screenings today, notices overdue, and each district's days without a new
// local case ("COVID=0" at the outbreak's goal, 28 days for COVID-19).
import { useState } from "react";
import { Link } from "react-router";
import { getBoard, listCases } from "../../api/health";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDate, todayIso } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { classifications } from "./labels";
import "./health.css";

export function BoardPage() {
  const { pick, language } = useLanguage();
  useDocumentTitle(pick({ th: "กระดาน EOC", en: "EOC board" }));
  const [date, setDate] = useState(todayIso());
  const [board, reload] = useLoad((signal) => getBoard(date, signal), [date]);
  const [cases] = useLoad((signal) => listCases(signal), []);
  const names = useNames(Object.keys(board.data?.zero_case_streak_days ?? {}));
  if (board.status === "failed") return <ErrorNotice error={board.error} onRetry={reload} />;
  if (!board.data) return <Loading />;
  const b = board.data;
  return (
    <div>
      <h1>{pick({ th: "กระดาน EOC โรคติดต่อ", en: "EOC board" })}</h1>
      <p>
        <label>
          {pick({ th: "วันที่", en: "Date" })}{" "}
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="board-date"
          />
        </label>{" "}
        {formatDate(date, language)} ·{" "}
        <Link to="/health/screen">{pick({ th: "คัดกรองที่ด่าน", en: "Screen at a checkpoint" })}</Link>
      </p>
      <div className="health-cards">
        {Object.entries(b.cases_by_class).map(([key, count]) => (
          <div className="health-card" key={key} data-testid={`class-${key}`}>
            {pick(classifications[key] ?? { th: key, en: key })}
            <strong>{count.toLocaleString("th-TH")}</strong>
          </div>
        ))}
        <div className="health-card" data-testid="contacts-under-follow-up">
          {pick({ th: "ผู้สัมผัสที่ติดตาม", en: "Contacts under follow-up" })}
          <strong>{b.contacts_under_follow_up.toLocaleString("th-TH")}</strong>
        </div>
        <div className="health-card" data-testid="seen-today">
          {pick({ th: "ติดตามแล้ววันนี้", en: "Seen today" })}
          <strong>{b.seen_today_percent.toLocaleString("th-TH")}%</strong>
        </div>
        <div className="health-card">
          {pick({ th: `ไม่พบตัวเกิน ${b.not_seen_alert} ราย`, en: `Not seen: ${b.not_seen_alert}` })}
        </div>
        <div className="health-card" data-testid="screenings-today">
          {pick({ th: "คัดกรองวันนี้", en: "Screened today" })}
          <strong>{b.screenings_today.toLocaleString("th-TH")}</strong>
        </div>
        <div className="health-card">
          {pick({ th: "แจ้งเหตุเกิน 3 ชม.", en: "Notices overdue (3 h)" })}
          <strong>{b.notices_overdue}</strong>
        </div>
      </div>
      <h2>{pick({ th: "จำนวนวันไม่มีผู้ป่วยในพื้นที่ (รายอำเภอ)", en: "Days without a local case, by district" })}</h2>
      <div className="health-cards">
        {Object.entries(b.zero_case_streak_days).map(([code, days]) => (
          <div
            key={code}
            className={days >= b.zero_case_goal_days ? "health-card health-zero" : "health-card"}
            data-testid={`streak-${code}`}
          >
            {names.area(code)}
            <strong>{days}</strong>
            {days >= b.zero_case_goal_days && pick({ th: "COVID=0", en: "COVID=0" })}
          </div>
        ))}
      </div>
      <h2>{pick({ th: "ผู้ป่วยล่าสุด", en: "Latest cases" })}</h2>
      <ul>
        {(cases.data ?? []).slice(0, 20).map((c) => (
          <li key={c.id}>
            <Link to={`/health/cases/${c.id}`}>{c.case_number}</Link> {c.person.name} ·{" "}
            {pick(classifications[c.classification] ?? { th: c.classification, en: c.classification })} ·{" "}
            {formatDate(c.reported_on, language)}
          </li>
        ))}
      </ul>
    </div>
  );
}
