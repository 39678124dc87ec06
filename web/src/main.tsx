import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// Sarabun is bundled with the app (Thai and Latin subsets) so Thai renders the
// same on every device and no font is fetched from another site.
import "@fontsource/sarabun/thai-400.css";
import "@fontsource/sarabun/latin-400.css";
import "@fontsource/sarabun/thai-600.css";
import "@fontsource/sarabun/latin-600.css";
import "./styles.css";
import { App } from "./App";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
