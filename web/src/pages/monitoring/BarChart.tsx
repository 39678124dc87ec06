// A horizontal bar chart (Chart.js through react-chartjs-2): one bar per category, the
// figures also listed beside it for screen readers and copying.
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  LinearScale,
  Tooltip,
  type ChartOptions,
} from "chart.js";
import { Bar } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);
ChartJS.defaults.font.family = '"Sarabun", "Noto Sans Thai", Tahoma, system-ui, sans-serif';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  colour?: string;
}

export function BarChart({
  items,
  label,
  testId,
  suffix = "",
  max,
}: {
  items: BarItem[];
  label: string;
  testId?: string;
  suffix?: string;
  max?: number;
}) {
  const data = {
    labels: items.map((item) => item.label),
    datasets: [
      {
        label,
        data: items.map((item) => item.value),
        backgroundColor: items.map((item) => item.colour ?? "#0b5d7a"),
        borderRadius: 3,
      },
    ],
  };
  const options: ChartOptions<"bar"> = {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (context) => `${context.formattedValue}${suffix}` } },
    },
    scales: {
      x: { beginAtZero: true, ...(max !== undefined ? { max } : {}), ticks: { precision: 0 } },
      y: { ticks: { autoSkip: false } },
    },
  };
  return (
    <div
      className="mon-chart"
      style={{ height: `${Math.max(120, items.length * 30 + 40)}px` }}
      data-testid={testId}
    >
      <Bar data={data} options={options} aria-label={label} role="img" />
    </div>
  );
}
