// The text of a fill-in template's README sheet, in Chinese and English: how to fill the sheets,
// how to feed the workbook back, and a table of what each sheet holds and unlocks.
import type { TemplatePlan, TemplateSheet } from "../planTemplate.js";

/** The README's text: a title, lines of instructions and the table of sheets (header, rows). */
export interface TemplateReadme {
  readonly title: string;
  readonly subtitle: string;
  /** Instruction lines, each a pair: Chinese, English; the command lines alone. */
  readonly lines: readonly (readonly string[])[];
  readonly tableHeader: readonly string[];
  readonly table: readonly (readonly string[])[];
}

/** The columns of the README's table of sheets. */
const TABLE_HEADER = [
  "工作表 sheet",
  "指标 indicator",
  "单位 unit",
  "地区 rows",
  "需要的年份 years needed",
  "可评估的目标 targets it unlocks",
  "还缺 also needs",
  "说明 why",
];

/** How a sheet's bounds read: `0–100`, `≥ 0`. */
function boundsText([lower, upper]: readonly [number, number]): string {
  if (upper === Number.POSITIVE_INFINITY) return `≥ ${lower}`;
  return `${lower}–${upper}`;
}

function tableRow(sheet: TemplateSheet): string[] {
  const texts = [...new Set(sheet.rows.map((r) => r.yearsText))];
  return [
    sheet.sheetName === sheet.indicator
      ? sheet.sheetName
      : `${sheet.sheetName}\n= ${sheet.indicator}`,
    `${sheet.nameZh}\n${sheet.nameEn}`,
    `${sheet.unitZh === undefined ? sheet.unit : `${sheet.unitZh} ${sheet.unit}`}\n${boundsText(sheet.bounds)}`,
    sheet.rows.map((r) => `${r.scope} ${r.nameZh}`).join("\n"),
    texts.length === 1
      ? (texts[0] as string)
      : sheet.rows.map((r) => `${r.scope}: ${r.yearsText}`).join("\n"),
    sheet.targets.map((t) => `${t.id} ${t.nameZh}\n${t.nameEn}`).join("\n"),
    [...new Set(sheet.targets.flatMap((t) => t.alsoNeeds))].join("\n"),
    sheet.rows.map((r) => `${r.scope}: ${r.why}`).join("\n"),
  ];
}

/** The README of a template plan. */
export function templateReadme(plan: TemplatePlan): TemplateReadme {
  const title = `${plan.packNameZh}规划目标数据填报模板 Fill-in template: the data the plan targets of ${plan.packNameEn} lack`;
  const subtitle =
    `情景 scenario: ${plan.scenario} — ${plan.scenarioName}；` +
    `${plan.sheets.length} 个指标，可使 ${plan.targets.length} 个「数据不足」目标得以评估 / ` +
    `${plan.sheets.length} indicator${plan.sheets.length === 1 ? "" : "s"} to fill, for ` +
    `${plan.targets.length} insufficient-data target${plan.targets.length === 1 ? "" : "s"}`;
  if (plan.sheets.length === 0) {
    return {
      title,
      subtitle,
      lines: [
        [
          "所有目标均可评估，无需填报。",
          "Every target can be evaluated: there is nothing to fill.",
        ],
      ],
      tableHeader: TABLE_HEADER,
      table: [],
    };
  }
  const lines: string[][] = [
    ["填写说明 How to fill"],
    [
      "1. 每个指标一张工作表，表名即指标编号（见下表）；第 1 行标题写明指标的中英文名称和单位。",
      "1. Each indicator has its own sheet, named by the indicator's id (see the table below); row 1 gives its Chinese and English name and its unit.",
    ],
    [
      "2. A 列是地区或地区组的编号（鼠标停在上面可见名称），第 2 行是年份：在黄色单元格中填入该地区该年的数值。",
      "2. Column A holds the id of the place or group (hover over it to see its name), row 2 the years: type the value of that place and year in the yellow cells.",
    ],
    [
      "3. 单位：按标题括号中的单位填写（「亿元 100M yuan」即以亿元计）；比率填百分数，53.7 表示 53.7%。",
      "3. Units: write values in the unit in the title's parentheses (「亿元 100M yuan」: in 100 million yuan); a rate as a percentage, 53.7 for 53.7%.",
    ],
    [
      "4. 空白表示没有数据：不知道的单元格请留空，不要填 0、「—」或文字（0 会被当作真实的零）。",
      "4. A blank cell means no figure: leave what you do not know blank; do not write 0, 「—」 or text (0 is read as a real zero).",
    ],
    [
      "5. 黄色单元格是评估所需的年份，灰色单元格可不填；每行要填的年数见下表「需要的年份」（如 at least 2 of 2015–2024：2015–2024 中至少 2 年）。",
      "5. Yellow cells are the years the assessment asks for, grey ones are optional; how many of them each row needs is in the table's 'years needed' column (at least 2 of 2015–2024, years 2021–2024).",
    ],
    [
      "6. 请勿修改工作表名称、A 列编号、年份和标题；地区组（如 city 全市）一行填该组的合计或总体数值。",
      "6. Do not rename the sheets or change the ids in column A, the years or the titles; a group's row (such as city, the whole city) takes the group's own figure.",
    ],
    [
      "7. 一个目标要等它所缺的各指标（「还缺」一栏）都填好后才能评估。",
      "7. A target can be evaluated once every indicator it lacks is filled in (the 'also needs' column names the other sheets).",
    ],
    [],
    ["填好后保存，运行 When filled in, save the workbook and run:"],
    [plan.command],
    [],
    ["各工作表 The sheets"],
  ];
  return {
    title,
    subtitle,
    lines,
    tableHeader: TABLE_HEADER,
    table: plan.sheets.map(tableRow),
  };
}
