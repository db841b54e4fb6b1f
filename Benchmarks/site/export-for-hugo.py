"""Writes one Markdown file per published provider, with the fields Agora's provider page shows, for Hugo."""
import json
import sqlite3
import sys

database, target = sys.argv[1], sys.argv[2]
connection = sqlite3.connect(database)
rows = connection.execute(
    """
    SELECT p.slug, u.first_name, u.last_name, p.title, p.bio, p.city, p.country_code, p.hourly_rate_minor,
           p.hourly_rate_currency, p.experience, p.education, p.certifications, p.availability,
           s.rating_average, s.rating_count, s.completed_projects, s.completion_rate,
           (SELECT json_group_array(name) FROM provider_skills k WHERE k.provider_id = p.user_id),
           (SELECT json_group_array(language_code) FROM provider_languages l WHERE l.provider_id = p.user_id),
           (SELECT json_group_array(c.name) FROM provider_categories pc JOIN categories c ON c.id = pc.category_id
             WHERE pc.provider_id = p.user_id)
    FROM user_profiles p JOIN users u ON u.id = p.user_id JOIN user_statistics s ON s.user_id = p.user_id
    WHERE p.published = 1
    """
)
for (slug, first, last, title, bio, city, country, rate, currency, experience, education, certifications,
     availability, rating, ratings, completed, completion, skills, languages, categories) in rows:
    front = {
        "title": f"{first} {last}", "jobtitle": title, "description": bio, "city": city, "country": country,
        "rate": f"{currency} {rate // 100}" if rate is not None else "", "experience": experience,
        "education": education, "certifications": certifications, "availability": availability,
        "rating": round(rating, 1), "ratings": ratings, "completed": completed, "completion": round(completion * 100),
        "skills": json.loads(skills), "languages": json.loads(languages), "categories": json.loads(categories),
    }
    with open(f"{target}/{slug}.md", "w", encoding="utf-8") as file:
        file.write(json.dumps(front, ensure_ascii=False) + "\n\n" + bio + "\n")
