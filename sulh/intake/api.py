from sulh.intake import api_review

# Text extraction and its review queue; the messaging importers add their routes below.
routes = [
    ("/intake", api_review.router),
]
