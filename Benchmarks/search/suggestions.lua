-- Suggestions as typed: the first letters of a word, one time in four with a typo, and a varied limit so that the
-- answer cache rarely holds the answer.
local words = { "developer", "designer", "development", "javascript", "photography", "translation", "marketing",
  "accounting", "illustration", "consulting", "kubernetes", "wordpress", "copywriting", "animation", "analytics" }
math.randomseed(os.time())

request = function()
  local word = words[math.random(#words)]
  local typed = string.sub(word, 1, math.random(3, #word))
  if math.random(4) == 1 then
    local at = math.random(2, #typed)
    typed = string.sub(typed, 1, at - 1) .. "x" .. string.sub(typed, at + 1)
  end
  return wrk.format("GET", "/api/search/suggestions?q=" .. typed .. "&limit=" .. math.random(5, 10))
end
