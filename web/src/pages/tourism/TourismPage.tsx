// The public list of OTOP Nawatwithi communities (/tourism): where they are, how many
// visitors they take a day, their CBT self-assessment.
import { Link } from "react-router";
import { listCommunities } from "../../api/tourism";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";

export function TourismPage() {
  const { pick, language } = useLanguage();
  const title = pick({ th: "ชุมชนท่องเที่ยว OTOP นวัตวิถี", en: "OTOP Nawatwithi communities" });
  useDocumentTitle(title);
  const [communities, reload] = useLoad((signal) => listCommunities(signal), []);
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">
        {pick({
          th: "ชุมชนในจังหวัด สินค้า OTOP กิจกรรมท่องเที่ยว และรายได้ที่ถึงมือชาวบ้าน",
          en: "Communities of the province, their OTOP products, experiences and the income reaching residents",
        })}
      </p>
      {communities.status === "failed" && <ErrorNotice error={communities.error} onRetry={reload} />}
      {communities.data === null ? (
        <Loading />
      ) : (
        <ul className="cards">
          {communities.data.map((community) => (
            <li key={community.id} className="card">
              <h2>
                <Link to={`/tourism/communities/${community.id}`}>
                  {language === "en" ? community.name_en : community.name_th}
                </Link>{" "}
                <DemoBadge demo={community.demo} />
              </h2>
              <p className="muted">
                {pick({
                  th: `รับได้ ${formatNumber(community.offered_capacity_per_day, language)} คนต่อวัน (จากขีดความสามารถ ${formatNumber(community.carrying_capacity_per_day, language)})`,
                  en: `Takes ${formatNumber(community.offered_capacity_per_day, language)} visitors a day here (of ${formatNumber(community.carrying_capacity_per_day, language)} it can carry)`,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
