// Words of the health pages in Thai, English and — on the checkpoint form, for
// Cambodian travellers and workers at the Ban Hat Lek crossing — Khmer.
import type { LocalizedText } from "../../api/types";

export interface Trilingual extends LocalizedText {
  km: string;
}

export const symptoms: Array<[string, Trilingual]> = [
  ["fever", { th: "ไข้", en: "Fever", km: "គ្រុនក្តៅ" }],
  ["cough", { th: "ไอ", en: "Cough", km: "ក្អក" }],
  ["sore_throat", { th: "เจ็บคอ", en: "Sore throat", km: "ឈឺបំពង់ក" }],
  ["runny_nose", { th: "น้ำมูก", en: "Runny nose", km: "ហៀរសំបោរ" }],
  ["loss_of_smell", { th: "ไม่ได้กลิ่น", en: "Loss of smell", km: "បាត់ក្លិន" }],
  ["dyspnea", { th: "หายใจลำบาก", en: "Short of breath", km: "ពិបាកដកដង្ហើម" }],
];

export const idTypes: Array<[string, Trilingual]> = [
  ["thai_id", { th: "บัตรประชาชน", en: "Thai ID", km: "អត្តសញ្ញាណប័ណ្ណថៃ" }],
  ["passport", { th: "หนังสือเดินทาง", en: "Passport", km: "លិខិតឆ្លងដែន" }],
  ["cambodian_id", { th: "บัตรกัมพูชา", en: "Cambodian ID", km: "អត្តសញ្ញាណប័ណ្ណខ្មែរ" }],
  ["other", { th: "อื่น ๆ", en: "Other", km: "ផ្សេងៗ" }],
];

export const decisions: Array<[string, Trilingual]> = [
  ["cleared", { th: "ผ่าน", en: "Cleared", km: "ឆ្លងកាត់បាន" }],
  ["refer", { th: "ส่งต่อ", en: "Refer", km: "បញ្ជូនបន្ត" }],
  ["quarantine", { th: "กักกัน", en: "Quarantine", km: "ដាក់ឱ្យនៅដាច់ដោយឡែក" }],
];

// Islands a pier's passengers go to (data/th-areas.json subdistricts).
export const destinations: Array<[string, LocalizedText]> = [
  ["", { th: "— ไม่ระบุ —", en: "— none —" }],
  ["230701", { th: "เกาะช้าง", en: "Ko Chang" }],
  ["230702", { th: "เกาะช้างใต้", en: "Ko Chang Tai" }],
  ["230602", { th: "เกาะกูด", en: "Ko Kut" }],
  ["230601", { th: "เกาะหมาก", en: "Ko Mak" }],
];

export const form = {
  name: { th: "ชื่อ-สกุล", en: "Name", km: "ឈ្មោះ" },
  idNumber: { th: "เลขประจำตัว", en: "ID number", km: "លេខអត្តសញ្ញាណ" },
  phone: { th: "โทรศัพท์", en: "Phone", km: "លេខទូរស័ព្ទ" },
  temperature: { th: "อุณหภูมิ (°C)", en: "Temperature (°C)", km: "សីតុណ្ហភាព (°C)" },
  symptoms: { th: "อาการ", en: "Symptoms", km: "រោគសញ្ញា" },
  destination: { th: "ไปที่", en: "Going to", km: "ទិសដៅ" },
  save: { th: "บันทึก", en: "Save", km: "រក្សាទុក" },
} satisfies Record<string, Trilingual>;

export const classifications: Record<string, LocalizedText> = {
  pui: { th: "ผู้ป่วยเข้าเกณฑ์สอบสวนโรค", en: "Person under investigation" },
  suspect: { th: "ผู้ป่วยสงสัย", en: "Suspect" },
  probable: { th: "ผู้ป่วยเข้าข่าย", en: "Probable" },
  confirmed: { th: "ผู้ป่วยยืนยัน", en: "Confirmed" },
  not_a_case: { th: "ไม่ใช่ผู้ป่วย", en: "Not a case" },
};
