from geometry import area, perimeter  # error: attr-defined
import geometry

print(area(2), geometry.volume(3))  # error: attr-defined
