// Each test class starts its own app and Chromium: run side by side on a 2-core CI machine they starve one another
// and an occasional step outlasts Playwright's timeout. One class at a time costs seconds and makes the runs steady.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
