// The public needs form: no sign-in, made for a phone. The server hands out a
// single-use form token; a hidden "website" field catches bots (people never see
// or fill it). After sending, the person gets a receipt to follow the need.
import { useEffect, useMemo, useRef, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { getArea } from "../../api/endpoints";
import { getPublicForm, submitPublicNeed } from "../../api/needs";
import type { PublicNeed, Sector } from "../../api/needs";
import type { Dimension } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { focusFirstInvalid } from "../../components/focusFirstInvalid";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { sortByName } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { provinceCode } from "../areas/AreasPage";
import { receiptPath } from "./receiptPath";

export function PublicNeedPage() {
  const { t, language } = useLanguage();
  useDocumentTitle(t("need.submit_title"));
  const [formLoad, reloadForm] = useLoad((signal) => getPublicForm(signal), []);
  const [province] = useLoad((signal) => getArea(provinceCode, signal), []);
  const [district, setDistrict] = useState("");
  const [districtLoad] = useLoad(
    (signal) => (district ? getArea(district, signal) : Promise.resolve(null)),
    [district],
  );
  const [subdistrict, setSubdistrict] = useState("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [dimension, setDimension] = useState<Dimension | "">("");
  const [sector, setSector] = useState<Sector>("people");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [website, setWebsite] = useState("");
  const [planId, setPlanId] = useState("");
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const navigate = useNavigate();

  const form = formLoad.data;
  const districts = useMemo(
    () => sortByName(province.data?.children ?? [], language),
    [province.data, language],
  );
  const subdistricts = useMemo(
    () => sortByName(districtLoad.data?.children ?? [], language),
    [districtLoad.data, language],
  );
  useEffect(() => setSubdistrict(""), [district]);

  function check(): Record<string, LocalizedText> {
    const problems: Record<string, LocalizedText> = {};
    if (!title.trim()) problems.title = { th: "กรุณาบอกเรื่องที่ต้องการสั้น ๆ", en: "Give your need a short title." };
    if (!description.trim()) problems.description = { th: "กรุณาเล่ารายละเอียด", en: "Describe the need." };
    if (!dimension) problems.dimension = { th: "กรุณาเลือกด้าน", en: "Choose a dimension." };
    if (!district) problems.area_code = { th: "กรุณาเลือกอำเภอ", en: "Choose a district." };
    if (form) {
      if (title.length > form.limits.title)
        problems.title = {
          th: `ยาวได้ไม่เกิน ${form.limits.title} ตัวอักษร`,
          en: `At most ${form.limits.title} characters.`,
        };
      if (description.length > form.limits.description)
        problems.description = {
          th: `ยาวได้ไม่เกิน ${form.limits.description} ตัวอักษร`,
          en: `At most ${form.limits.description} characters.`,
        };
    }
    if (phone && !/^[0-9+\-\s]{6,20}$/.test(phone))
      problems.phone = { th: "หมายเลขโทรศัพท์ไม่ถูกต้อง", en: "This phone number does not look right." };
    return problems;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const problems = check();
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const need: PublicNeed = {
      form_token: form.form_token,
      website,
      title: title.trim(),
      description: description.trim(),
      dimension: dimension as Dimension,
      sector,
      area_code: subdistrict || district,
    };
    if (planId) need.plan_id = Number(planId);
    if (name.trim()) need.name = name.trim();
    if (phone.trim()) need.phone = phone.trim();
    setBusy(true);
    try {
      const receipt = await submitPublicNeed(need);
      // The receipt's own address: it survives a reload and can be bookmarked.
      navigate(receiptPath(receipt.receipt), { state: { justSent: true } });
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) {
        setFields(caught.fields);
        // A used or expired token cannot be sent again: fetch a fresh one, keep the text.
        if (caught.status === 400 || caught.status === 422) reloadForm();
      }
    } finally {
      setBusy(false);
    }
  }

  const select = (
    id: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: { value: string; label: string }[],
    placeholder?: string,
  ) => (
    <div className="field">
      <label htmlFor={`public-${id}`}>{label}</label>
      <select
        id={`public-${id}`}
        value={value}
        onChange={(event) => set(event.target.value)}
        aria-invalid={id in fields}
        aria-describedby={`public-${id}-message`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`public-${id}-message`} text={fields[id]} />
    </div>
  );

  return (
    <section className="public-form" aria-labelledby="public-form-heading">
      <h1 id="public-form-heading">{t("need.submit_title")}</h1>
      <p className="lead">{t("need.submit_intro")}</p>
      {formLoad.status === "failed" && <ErrorNotice error={formLoad.error} onRetry={reloadForm} />}
      {!form && formLoad.status === "loading" && <Loading />}
      {form && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <ErrorNotice
            error={error}
            fieldsShown={[
              "title",
              "description",
              "dimension",
              "sector",
              "area_code",
              "subdistrict",
              "plan_id",
              "name",
              "phone",
            ]}
          />
          <div className="field">
            <label htmlFor="public-title">{t("need.title")}</label>
            <input
              id="public-title"
              value={title}
              maxLength={form.limits.title}
              onChange={(event) => setTitle(event.target.value)}
              aria-invalid={"title" in fields}
              aria-describedby="public-title-message"
            />
            <FieldMessage id="public-title-message" text={fields.title} />
          </div>
          <div className="field">
            <label htmlFor="public-description">{t("need.description")}</label>
            <textarea
              id="public-description"
              rows={5}
              value={description}
              maxLength={form.limits.description}
              onChange={(event) => setDescription(event.target.value)}
              aria-invalid={"description" in fields}
              aria-describedby="public-description-message"
            />
            <FieldMessage id="public-description-message" text={fields.description} />
          </div>
          {select(
            "dimension",
            t("need.dimension"),
            dimension,
            (value) => setDimension(value as Dimension | ""),
            form.dimensions.map((item) => ({ value: item, label: t(`dimension.${item}`) })),
            t("need.choose"),
          )}
          {select(
            "sector",
            t("need.sector"),
            sector,
            (value) => setSector(value as Sector),
            form.sectors.map((item) => ({ value: item, label: t(`sector.${item}`) })),
          )}
          {select(
            "area_code",
            t("areas.level.district"),
            district,
            setDistrict,
            districts.map((item) => ({
              value: item.code,
              label: language === "en" ? item.name_en : item.name_th,
            })),
            t("need.choose"),
          )}
          {district &&
            select(
              "subdistrict",
              t("need.subdistrict_optional"),
              subdistrict,
              setSubdistrict,
              subdistricts.map((item) => ({
                value: item.code,
                label: language === "en" ? item.name_en : item.name_th,
              })),
              t("need.whole_district"),
            )}
          {form.plans.length > 1 &&
            select(
              "plan_id",
              t("need.plan"),
              planId,
              setPlanId,
              form.plans.map((plan) => ({
                value: String(plan.id),
                label: language === "en" ? plan.name_en || plan.name_th : plan.name_th,
              })),
              t("need.plan_current"),
            )}
          <fieldset className="contact">
            <legend>{t("need.contact")}</legend>
            <p className="muted small-print">{t("need.contact_hint")}</p>
            <div className="field">
              <label htmlFor="public-name">{t("need.name")}</label>
              <input
                id="public-name"
                autoComplete="name"
                value={name}
                maxLength={form.limits.name}
                onChange={(event) => setName(event.target.value)}
              />
              <FieldMessage id="public-name-message" text={fields.name} />
            </div>
            <div className="field">
              <label htmlFor="public-phone">{t("need.phone")}</label>
              <input
                id="public-phone"
                type="tel"
                autoComplete="tel"
                value={phone}
                maxLength={form.limits.phone}
                onChange={(event) => setPhone(event.target.value)}
                aria-invalid={"phone" in fields}
                aria-describedby="public-phone-message"
              />
              <FieldMessage id="public-phone-message" text={fields.phone} />
            </div>
          </fieldset>
          {/* Bots fill every field; people never see this one. */}
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="public-website">Website</label>
            <input
              id="public-website"
              name={form.honeypot_field}
              tabIndex={-1}
              autoComplete="off"
              value={website}
              onChange={(event) => setWebsite(event.target.value)}
            />
          </div>
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? t("need.sending") : t("need.send")}
          </button>
        </form>
      )}
    </section>
  );
}
