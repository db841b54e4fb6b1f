enum _PlaceholderAgoraJobs {}
