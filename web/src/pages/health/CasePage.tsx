// A case (/health/cases/:id): the person (opening the page is a logged view), the
// classification history and lab tests, the contacts with their last visit, a visit
// recorded today, a symptomatic contact converted to a suspect case (keeping the
// link), and the chain the case belongs to.
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { convertContact, getCase, getChainFrom, recordVisit } from "../../api/health";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDate, todayIso } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { ChainGraph } from "./ChainGraph";
import { classifications } from "./labels";
import "./health.css";

function daysBefore(iso: string, days: number): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

export function CasePage() {
  const { pick, language } = useLanguage();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [record, reload] = useLoad((signal) => getCase(id, signal), [id]);
  // Two weeks before the report: its source case and that one's other contacts too.
  const from = record.data ? daysBefore(record.data.reported_on, 14) : null;
  const [chain] = useLoad((signal) => (from ? getChainFrom(from, signal) : Promise.resolve(null)), [from]);
  const [problem, setProblem] = useState<unknown>(null);
  useDocumentTitle(record.data?.case_number ?? pick({ th: "ผู้ป่วย", en: "Case" }));
  if (record.status === "failed") return <ErrorNotice error={record.error} onRetry={reload} />;
  if (!record.data) return <Loading />;
  const c = record.data;
  const today = todayIso();

  async function visit(contactId: number, symptoms: string[]) {
    try {
      setProblem(null);
      await recordVisit(contactId, today, true, symptoms);
      reload();
    } catch (error) {
      setProblem(error);
    }
  }
  async function convert(contactId: number) {
    try {
      setProblem(null);
      const made = await convertContact(contactId);
      navigate(`/health/cases/${made.id}`);
    } catch (error) {
      setProblem(error);
    }
  }

  return (
    <div>
      <h1 data-testid="case-number">{c.case_number}</h1>
      <p>
        {c.person.name} ·{" "}
        {pick(classifications[c.classification] ?? { th: c.classification, en: c.classification })} ·{" "}
        {pick({ th: "รายงาน", en: "reported" })} {formatDate(c.reported_on, language)}
        {c.source_case_id && (
          <>
            {" · "}
            <Link to={`/health/cases/${c.source_case_id}`} data-testid="source-case">
              {pick({ th: "ติดเชื้อจากผู้ป่วยต้นทาง", en: "Caught from its source case" })}
            </Link>
          </>
        )}
      </p>
      <p className="health-km">{c.person.legal_basis.th}</p>
      {problem !== null && <ErrorNotice error={problem} />}
      <h2>{pick({ th: "ประวัติการจำแนก", en: "Classification history" })}</h2>
      <ol>
        {c.history.map((h) => (
          <li key={h.at + h.classification}>
            {pick(classifications[h.classification] ?? { th: h.classification, en: h.classification })} ·{" "}
            {h.at}
            {h.reason && ` · ${h.reason}`}
          </li>
        ))}
      </ol>
      <h2>{pick({ th: "ผู้สัมผัส", en: "Contacts" })}</h2>
      <table>
        <thead>
          <tr>
            <th>{pick({ th: "ผู้สัมผัส", en: "Contact" })}</th>
            <th>{pick({ th: "ติดตามถึง", en: "Follow up until" })}</th>
            <th>{pick({ th: "ครั้งล่าสุด", en: "Last visit" })}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {c.contacts.map((k) => (
            <tr key={k.id} data-testid={`contact-${k.id}`}>
              <td>
                #{k.id} ·{" "}
                {k.risk === "high"
                  ? pick({ th: "เสี่ยงสูง", en: "high risk" })
                  : pick({ th: "เสี่ยงต่ำ", en: "low risk" })}
              </td>
              <td>{formatDate(k.follow_up_until, language)}</td>
              <td>
                {k.last_visit_on ? formatDate(k.last_visit_on, language) : "—"}{" "}
                {k.last_visit_status === "symptomatic" && pick({ th: "มีอาการ", en: "symptomatic" })}
              </td>
              <td>
                {k.status === "converted" && k.converted_case_id ? (
                  <Link to={`/health/cases/${k.converted_case_id}`}>
                    {pick({ th: "เป็นผู้ป่วยแล้ว", en: "now a case" })}
                  </Link>
                ) : (
                  <>
                    <button type="button" onClick={() => void visit(k.id, [])}>
                      {pick({ th: "พบตัว ไม่มีอาการ", en: "Seen, well" })}
                    </button>{" "}
                    <button
                      type="button"
                      onClick={() => void visit(k.id, ["fever"])}
                      data-testid="visit-fever"
                    >
                      {pick({ th: "พบตัว มีไข้", en: "Seen, fever" })}
                    </button>{" "}
                    {k.last_visit_status === "symptomatic" && (
                      <button type="button" onClick={() => void convert(k.id)} data-testid="convert">
                        {pick({ th: "เปลี่ยนเป็นผู้ป่วยสงสัย", en: "Make a suspect case" })}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{pick({ th: "ห่วงโซ่การแพร่เชื้อ", en: "Transmission chain" })}</h2>
      {chain.data ? (
        <ChainGraph
          nodes={chain.data.nodes}
          edges={chain.data.edges}
          truncated={chain.data.truncated}
          highlight={`case-${c.id}`}
        />
      ) : (
        <Loading />
      )}
    </div>
  );
}
