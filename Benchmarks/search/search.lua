-- Typical uncached searches: words, a category, a price range and a radius around a city, varied enough that the
-- service's answer cache almost never holds the answer.
local words = { "developer", "designer", "react", "seo", "translator", "python", "brand", "video", "data", "marketing",
  "swift", "accountant", "wordpress", "illustrator", "consultant", "editor", "analyst", "copywriter", "tax", "cloud" }
local categories = { "web-development", "mobile-apps", "design-creative", "writing-translation", "digital-marketing",
  "video-audio", "data-analytics", "business-consulting", "finance-accounting", "engineering-architecture",
  "it-networking", "education-coaching" }
local cities = { { 48.8566, 2.3522 }, { 52.52, 13.405 }, { 51.5072, -0.1276 }, { 40.7128, -74.006 }, { 41.3874, 2.1686 },
  { 45.4642, 9.19 }, { 52.3676, 4.9041 }, { 59.3293, 18.0686 }, { 35.6762, 139.6503 }, { 43.6532, -79.3832 } }
math.randomseed(os.time())

request = function()
  local city = cities[math.random(#cities)]
  local low = 20 + math.random(0, 40)
  local path = string.format("/api/search/providers?q=%s&category=%s&min_rate=%d&max_rate=%d&near=%.3f,%.3f,%d",
    words[math.random(#words)], categories[math.random(#categories)], low, low + 40 + math.random(0, 80),
    city[1] + math.random() / 10, city[2] + math.random() / 10, 100 + math.random(0, 900))
  return wrk.format("GET", path)
end
