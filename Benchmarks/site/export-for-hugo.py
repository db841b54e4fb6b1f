"""Writes one Markdown file per published provider for Hugo, with every field Agora's provider page shows, already
formatted as Agora shows it (names of countries and languages, money, rating, breadcrumb trail, background entries,
the cards of its similar providers, chosen as Agora chooses them), so that Hugo's layout can make a page of the same
structure and size."""
import json
import sqlite3
import sys

database, target = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(database)

COUNTRIES = {"AU": "Australia", "BR": "Brazil", "CA": "Canada", "CH": "Switzerland", "DE": "Germany", "ES": "Spain",
             "FR": "France", "GB": "United Kingdom", "IE": "Ireland", "IN": "India", "IT": "Italy", "JP": "Japan",
             "NL": "Netherlands", "PL": "Poland", "PT": "Portugal", "SE": "Sweden", "US": "United States"}
LANGUAGES = {"de": "German", "en": "English", "es": "Spanish", "fr": "French", "hi": "Hindi", "it": "Italian",
             "ja": "Japanese", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "sv": "Swedish"}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "BRL": "R$", "CAD": "CA$", "AUD": "A$"}
AVAILABILITY = {"available": "Available now", "limited": "Limited availability", "unavailable": "Not taking new work"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
BACKGROUND = [("experience", "Experience", "present"), ("education", "Education", "present"),
              ("certification", "Certifications", "no expiry")]
SIMILAR_SHOWN = 4

categories = {row[0]: row[1:] for row in connection.execute("SELECT id, parent_id, name, slug, sort_order FROM categories")}


def trail(category_id):
    steps = []
    while category_id is not None:
        parent, name, slug, _ = categories[category_id]
        steps.insert(0, {"name": name, "slug": slug})
        category_id = parent
    return steps


def money(minor, currency):
    digits = 0 if currency == "JPY" else 2
    major, cents = divmod(minor, 10 ** digits) if digits else (minor, 0)
    text = SYMBOLS.get(currency, currency + " ") + f"{major:,}"
    return text + (f".{cents:0{digits}d}" if cents else "")


def month(text):
    year, number = text.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def background_of():
    """Each provider's background lists, as Agora's page shows them."""
    lists = {}
    for provider, kind, title, organisation, start, end, description, link in connection.execute(
        "SELECT provider_id, kind, title, organisation, start_month, end_month, description, link "
        "FROM profile_background ORDER BY provider_id, kind, position"
    ):
        open_end = next(end_text for key, _, end_text in BACKGROUND if key == kind)
        lists.setdefault(provider, {}).setdefault(kind, []).append({
            "title": title, "organisation": organisation,
            "period": f"{month(start)} – {month(end) if end else open_end}" if start else "",
            "paragraphs": [" ".join(part.split()) for part in description.split("\n\n") if part.strip()], "link": link,
        })
    return lists


def card(row):
    """A provider card's facts, written as Agora's card writes them."""
    slug, first, last, title, city, country, rate, currency, availability, rating, ratings, skills = row
    return {
        "name": f"{first} {last}", "initials": (first[:1] + last[:1]).upper(), "slug": slug, "jobtitle": title,
        "location": f"{city}, {COUNTRIES.get(country, country)}" if city else "",
        "rate": f"{money(rate, currency)}/hr" if rate is not None else "",
        "rating": f"{rating:.1f}" if ratings else "", "ratings": ratings,
        "skills": json.loads(skills)[:4], "availability": AVAILABILITY[availability], "available": availability == "available",
    }


def similar_cards():
    """Each provider's similar providers as Agora chooses them: those of its first category nearest to it in the
    listings' order, two above and two below (more on one side at either end)."""
    groups, cards = {}, {}
    for row in connection.execute(
        """
        SELECT p.user_id, s.rating_average, s.rating_count,
               (SELECT pc.category_id FROM provider_categories pc JOIN categories c ON c.id = pc.category_id
                WHERE pc.provider_id = p.user_id ORDER BY c.sort_order, c.name LIMIT 1),
               p.slug, u.first_name, u.last_name, p.title, p.city, p.country_code, p.hourly_rate_minor, p.hourly_rate_currency,
               p.availability, s.rating_average, s.rating_count,
               (SELECT json_group_array(name) FROM (SELECT name FROM provider_skills k WHERE k.provider_id = p.user_id ORDER BY position))
        FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
        WHERE p.published = 1
        """
    ):
        provider, average, count, primary = row[:4]
        cards[provider] = card(row[4:])
        if primary is not None:
            groups.setdefault(primary, []).append((average, count, provider))
    chosen = {}
    for members in groups.values():
        members.sort(reverse=True)
        for index, (_, _, provider) in enumerate(members):
            start = max(0, min(index - SIMILAR_SHOWN // 2, len(members) - SIMILAR_SHOWN - 1))
            chosen[provider] = [cards[other] for _, _, other in members[start:start + SIMILAR_SHOWN + 1] if other != provider]
    return chosen


def replies(minutes):
    if minutes < 60:
        return "within an hour"
    if minutes < 1440:
        return f"within {(minutes + 59) // 60} hours"
    return f"within {(minutes + 1439) // 1440} days"


background = background_of()
similar = similar_cards()
rows = connection.execute(
    """
    SELECT p.user_id, p.slug, u.first_name, u.last_name, p.title, p.bio, p.city, p.region, p.country_code, p.hourly_rate_minor,
           p.hourly_rate_currency, p.availability,
           s.rating_average, s.rating_count, s.completed_projects, s.completion_rate, s.response_time_minutes,
           (SELECT json_group_array(name) FROM (SELECT name FROM provider_skills k WHERE k.provider_id = p.user_id ORDER BY position)),
           (SELECT json_group_array(language_code) FROM (SELECT language_code FROM provider_languages l WHERE l.provider_id = p.user_id ORDER BY position)),
           (SELECT json_group_array(id) FROM (SELECT c.id FROM provider_categories pc JOIN categories c ON c.id = pc.category_id
             WHERE pc.provider_id = p.user_id ORDER BY c.sort_order, c.name))
    FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
    WHERE p.published = 1
    """
)
for (provider, slug, first, last, title, bio, city, region, country, rate, currency, availability, rating, ratings, completed, completion, response, skills, languages, category_ids) in rows:
    category_ids = json.loads(category_ids)
    place = f" in {city}" if city else ""
    facts = []
    if rate is not None:
        facts.append({"label": "Hourly rate", "value": money(rate, currency)})
    if ratings:
        facts.append({"label": "Rating", "value": f"{rating:.1f} / 5 from {ratings:,} review{'' if ratings == 1 else 's'}"})
    facts.append({"label": "Projects completed", "value": f"{completed:,}"})
    if completed:
        facts.append({"label": "Completion rate", "value": f"{round(completion * 100)}%"})
    if response is not None:
        facts.append({"label": "Usually replies", "value": replies(response)})
    front = {
        "title": f"{first} {last}", "initials": (first[:1] + last[:1]).upper(), "jobtitle": title,
        "description": f"{title}{place}. {' '.join(bio.split())}", "about": f"{title}. {' '.join(bio.split())}",
        "city": city, "region": region, "country": country, "countryname": COUNTRIES.get(country, country),
        "pricerange": f"{money(rate, currency)} per hour" if rate is not None else "",
        "background": [{"key": key, "heading": heading, "entries": background[provider][key]}
                       for key, heading, _ in BACKGROUND if key in background.get(provider, {})],
        "similar": similar.get(provider, []),
        "availability": AVAILABILITY[availability], "available": availability == "available",
        "rating": f"{rating:.1f}", "ratings": ratings, "facts": facts,
        "skills": json.loads(skills), "languages": [LANGUAGES.get(code, code) for code in json.loads(languages)],
        "categories": [{"name": categories[i][1], "slug": categories[i][2]} for i in category_ids],
        "trail": trail(category_ids[0]) if category_ids else [],
    }
    with open(f"{target}/{slug}.md", "w", encoding="utf-8") as file:
        file.write(json.dumps(front, ensure_ascii=False) + "\n\n" + bio + "\n")
