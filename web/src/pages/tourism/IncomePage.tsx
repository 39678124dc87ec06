// A community's income by month of a Buddhist-era fiscal year (/tourism/communities/
// :id/income), public: money in, what reached residents and the community fund, and
// the share reaching residents. Only monthly totals: no household can be read.
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getIncome } from "../../api/tourism";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatSatang } from "../../format/money";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import { formatMonth } from "../action-plan/amounts";
import { fiscalYearOf } from "./labels";

export function IncomePage() {
  const id = Number(useParams().id);
  const { pick, language } = useLanguage();
  const [fiscalYear, setFiscalYear] = useState(fiscalYearOf);
  const [income, reload] = useLoad((signal) => getIncome(id, fiscalYear, signal), [id, fiscalYear]);
  const title = pick({ th: "รายได้ชุมชนรายเดือน", en: "Community income by month" });
  useDocumentTitle(title);
  const data = income.data;
  const total = data ? data.months.reduce((sum, month) => sum + month.total_satang, 0) : 0;
  return (
    <>
      <p>
        <Link to={`/tourism/communities/${id}`}>
          {data?.name_th ?? pick({ th: "ชุมชน", en: "Community" })}
        </Link>
      </p>
      <h1>{title}</h1>
      <label className="field">
        <span>{pick({ th: "ปีงบประมาณ (พ.ศ.)", en: "Fiscal year (BE)" })}</span>
        <select value={fiscalYear} onChange={(event) => setFiscalYear(Number(event.target.value))}>
          {[fiscalYearOf() - 1, fiscalYearOf(), fiscalYearOf() + 1].map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      {income.status === "failed" && <ErrorNotice error={income.error} onRetry={reload} />}
      {!data ? (
        <Loading />
      ) : (
        <>
          <p data-testid="income-total" data-satang={total}>
            {pick({ th: "รวมทั้งปี", en: "Year total" })}: {formatSatang(total, language)} ·{" "}
            {pick({ th: "กองทุนชุมชนคงเหลือ", en: "Community fund balance" })}:{" "}
            {formatSatang(data.fund_balance_satang ?? 0, language)}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{pick({ th: "เดือน", en: "Month" })}</th>
                  <th>{pick({ th: "รายได้", en: "Income" })}</th>
                  <th>{pick({ th: "ถึงชาวบ้าน", en: "To residents" })}</th>
                  <th>{pick({ th: "เข้ากองทุน", en: "To the fund" })}</th>
                  <th>{pick({ th: "สัดส่วนถึงชาวบ้าน", en: "Share to residents" })}</th>
                </tr>
              </thead>
              <tbody>
                {data.months.map((month) => (
                  <tr key={month.month} data-month={month.month} data-satang={month.total_satang}>
                    <td>{formatMonth(month.month, language)}</td>
                    <td>{formatSatang(month.total_satang, language)}</td>
                    <td>{formatSatang(month.to_residents_satang, language)}</td>
                    <td>{formatSatang(month.to_fund_satang, language)}</td>
                    <td>
                      {month.share_to_residents === null
                        ? "–"
                        : `${formatNumber(month.share_to_residents * 100, language, { decimals: 1 })}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
