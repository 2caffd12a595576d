from sulh.intake import api_messages, api_review

# Text extraction and its review queue, then the messaging importers and the threat series.
routes = [
    ("/intake", api_review.router),
    *api_messages.routes,
]
