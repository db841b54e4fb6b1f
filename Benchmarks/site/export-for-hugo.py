"""Writes one Markdown file per published provider for Hugo, with every field Agora's provider page shows, already
formatted as Agora shows it (names of countries and languages, money, rating, breadcrumb trail), so that Hugo's
layout can make a page of the same structure and size."""
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


def replies(minutes):
    if minutes < 60:
        return "within an hour"
    if minutes < 1440:
        return f"within {(minutes + 59) // 60} hours"
    return f"within {(minutes + 1439) // 1440} days"


rows = connection.execute(
    """
    SELECT p.slug, u.first_name, u.last_name, p.title, p.bio, p.city, p.region, p.country_code, p.hourly_rate_minor,
           p.hourly_rate_currency, p.experience, p.education, p.certifications, p.availability,
           s.rating_average, s.rating_count, s.completed_projects, s.completion_rate, s.response_time_minutes,
           (SELECT json_group_array(name) FROM (SELECT name FROM provider_skills k WHERE k.provider_id = p.user_id ORDER BY position)),
           (SELECT json_group_array(language_code) FROM (SELECT language_code FROM provider_languages l WHERE l.provider_id = p.user_id ORDER BY position)),
           (SELECT json_group_array(id) FROM (SELECT c.id FROM provider_categories pc JOIN categories c ON c.id = pc.category_id
             WHERE pc.provider_id = p.user_id ORDER BY c.sort_order, c.name))
    FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
    WHERE p.published = 1
    """
)
for (slug, first, last, title, bio, city, region, country, rate, currency, experience, education, certifications,
     availability, rating, ratings, completed, completion, response, skills, languages, category_ids) in rows:
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
        "experience": experience, "education": education, "certifications": certifications,
        "availability": AVAILABILITY[availability], "available": availability == "available",
        "rating": f"{rating:.1f}", "ratings": ratings, "facts": facts,
        "skills": json.loads(skills), "languages": [LANGUAGES.get(code, code) for code in json.loads(languages)],
        "categories": [{"name": categories[i][1], "slug": categories[i][2]} for i in category_ids],
        "trail": trail(category_ids[0]) if category_ids else [],
    }
    with open(f"{target}/{slug}.md", "w", encoding="utf-8") as file:
        file.write(json.dumps(front, ensure_ascii=False) + "\n\n" + bio + "\n")
