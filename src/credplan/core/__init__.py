"""The pure core: catalogs, plans, rules, reports. Imports nothing from the UI or Textual."""
