enum _PlaceholderAgoraSite {}
