// One community (/tourism/communities/:id), public: its story, CBT scores, OTOP
// products with their group and stars, experiences with price and capacity.
import { Link, useParams } from "react-router";
import { getCommunity, listExperiences, listProducts } from "../../api/tourism";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatSatang } from "../../format/money";
import { useLanguage } from "../../i18n/language";
import { cbtDimensions, otopGroups } from "./labels";

export function CommunityPage() {
  const id = Number(useParams().id);
  const { pick, language } = useLanguage();
  const [community, reload] = useLoad((signal) => getCommunity(id, signal), [id]);
  const [products] = useLoad((signal) => listProducts(id, signal), [id]);
  const [experiences] = useLoad((signal) => listExperiences(id, signal), [id]);
  const name = community.data ? (language === "en" ? community.data.name_en : community.data.name_th) : "";
  useDocumentTitle(name || pick({ th: "ชุมชนท่องเที่ยว", en: "Community" }));
  if (community.status === "failed") return <ErrorNotice error={community.error} onRetry={reload} />;
  if (!community.data) return <Loading />;
  const c = community.data;
  return (
    <>
      <p>
        <Link to="/tourism">{pick({ th: "ชุมชนท่องเที่ยวทั้งหมด", en: "All communities" })}</Link>
      </p>
      <h1>
        {name} <DemoBadge demo={c.demo} />
      </h1>
      {c.story && <p>{c.story}</p>}
      <p>
        <Link className="button" to={`/tourism/communities/${id}/income`}>
          {pick({ th: "รายได้ชุมชนรายเดือน", en: "Community income by month" })}
        </Link>
      </p>
      <h2>{pick({ th: "มาตรฐานการท่องเที่ยวโดยชุมชน (ประเมินตนเอง)", en: "CBT standard (self-assessment)" })}</h2>
      <ul>
        {Object.entries(c.cbt_scores).map(([dimension, score]) => (
          <li key={dimension}>
            {pick(cbtDimensions[dimension] ?? { th: dimension, en: dimension })}: {score}/5
          </li>
        ))}
      </ul>
      <h2>{pick({ th: "สินค้า OTOP", en: "OTOP products" })}</h2>
      {products.data === null ? (
        <Loading />
      ) : (
        <ul>
          {products.data.map((product) => (
            <li key={product.id}>
              {language === "en" && product.name_en ? product.name_en : product.name_th} ·{" "}
              {pick(otopGroups[product.otop_group ?? ""] ?? { th: "-", en: "-" })}
              {product.stars ? ` · ${"★".repeat(product.stars)} (${product.star_round})` : ""} ·{" "}
              {formatSatang(product.price_satang, language)}
            </li>
          ))}
        </ul>
      )}
      <h2>{pick({ th: "กิจกรรมท่องเที่ยว", en: "Experiences" })}</h2>
      {experiences.data === null ? (
        <Loading />
      ) : (
        <ul>
          {experiences.data.map((experience) => (
            <li key={experience.id}>
              {language === "en" && experience.name_en ? experience.name_en : experience.name_th} ·{" "}
              {formatSatang(experience.price_satang, language)} ·{" "}
              {pick({
                th: `รับได้ ${experience.capacity} คนต่อวัน`,
                en: `${experience.capacity} people a day`,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
