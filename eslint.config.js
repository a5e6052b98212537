import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The one-way flow between app/ folders (docs/decisions/006-write-module-and-layers.md):
// routes -> components | models -> documents | utils -> domain. A folder may import its own
// folder and the ones to its right; across folders only through #app/ (so the rule sees it).
const LAYERS = {
  "app/domain/**": ["utils", "documents", "models", "components", "routes", "root", "generated"],
  "app/documents/**": ["models", "components", "routes", "root"],
  "app/utils/**": ["models", "components", "routes", "root"],
  "app/components/**": ["models", "routes", "root"],
  "app/models/**": ["components", "routes", "root"],
};

const layerRules = Object.entries(LAYERS).map(([files, forbidden]) => ({
  files: [files],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `^#app/(${forbidden.join("|")})(/|$)`,
            message: `${files.split("/")[1]} may not import this folder: the flow is routes -> components | models -> documents | utils -> domain.`,
          },
          { group: ["../*"], message: "Import another app/ folder through #app/... so the layer rule can check it." },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "tests/.tmp/**", "bench/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  ...layerRules,
);
