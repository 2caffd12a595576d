from sulh.intake import api_messages

routes = [
    *api_messages.routes,
]
