# -*- encoding: utf-8 -*-
# stub: nokogiri 1.15.4 x86_64-linux lib

Gem::Specification.new do |spec|
  spec.name = "nokogiri".freeze
  spec.version = Gem::Version.new("1.15.4")
  spec.platform = "x86_64-linux".freeze
  spec.licenses = ["MIT".freeze]
  spec.add_runtime_dependency(%q<racc>.freeze, ["~> 1.4"])
  spec.add_dependency 'mini_portile2', '~> 2.8.2'
end
