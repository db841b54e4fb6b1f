enum _PlaceholderAgoraAPI {}
