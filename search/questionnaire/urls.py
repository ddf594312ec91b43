app_name = "hulpwijzer"
urlpatterns: list = []
