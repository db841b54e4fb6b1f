-- wrk script: signs the benchmark account in, again and again.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email": "bench@example.com", "password": "Violet-Harbour-Lantern-7"}'
